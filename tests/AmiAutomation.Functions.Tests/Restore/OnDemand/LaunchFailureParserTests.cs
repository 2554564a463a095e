using System.Text.Json;
using AmiAutomation.Functions.Restore;
using AmiAutomation.Functions.Restore.OnDemand;
using AmiAutomation.Runtime.Functions;

namespace AmiAutomation.Functions.Tests.Restore.OnDemand;

public sealed class LaunchFailureParserTests
{
    private const string ImageId = "ami-0a1b2c3d4e5f60718";

    private static LaunchFailureParse Parse(string json) =>
        LaunchFailureParser.Parse(JsonSerializer.Deserialize(json, RestoreJsonContext.Default.RestoreInput)!, RestoreHarness.Region);

    [Fact]
    public void Parse_OtherRegion_RejectedNamingBothRegions()
    {
        var ex = Assert.Throws<InvalidEventException>(() => Parse(LaunchFailureEvents.RunInstances(ImageId, region: "us-east-1")));

        Assert.Contains("'us-east-1'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'eu-west-1'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was done", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnrelatedEventKind_RejectedNamingIt()
    {
        var ex = Assert.Throws<InvalidEventException>(() => Parse("""{"id": "x", "source": "aws.s3", "detail-type": "Object Created", "region": "eu-west-1", "detail": {}}"""));

        Assert.Contains("source 'aws.s3', detail-type 'Object Created'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id": "x", "source": "aws.ec2", "detail-type": "AWS API Call via CloudTrail", "region": "eu-west-1"}""", "no detail object")]
    [InlineData("""{"id": "x", "source": "aws.ec2", "detail-type": "AWS API Call via CloudTrail", "region": "eu-west-1", "detail": []}""", "no detail object")]
    [InlineData("""{"id": "x", "source": "aws.ec2", "detail-type": "AWS API Call via CloudTrail", "detail": {}}""", "no region")]
    [InlineData("""{"source": "aws.ec2", "detail-type": "AWS API Call via CloudTrail", "region": "eu-west-1", "detail": {}}""", "no id")]
    [InlineData("""{"id": "x", "source": "aws.ec2", "detail-type": "AWS API Call via CloudTrail", "region": "eu-west-1", "detail": {"eventName": 5}}""", "does not fit a CloudTrailCallDetail")]
    [InlineData("""{"id": "x", "source": "aws.autoscaling", "detail-type": "EC2 Instance Launch Unsuccessful", "region": "eu-west-1", "detail": {"StatusMessage": "x"}}""", "AutoScalingGroupName is missing")]
    public void Parse_Malformed_RejectedNamingTheProblem(string json, string expected)
    {
        var ex = Assert.Throws<InvalidEventException>(() => Parse(json));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SuccessfulLaunch_IgnoredBecauseItDidNotFail()
    {
        var parsed = Parse(LaunchFailureEvents.CloudTrail("e", RestoreHarness.Region, "RunInstances", null, LaunchFailureEvents.Caller, null, $$$"""{"instancesSet": {"items": [{"imageId": "{{{ImageId}}}"}]}}"""));

        Assert.Null(parsed.Failure);
        Assert.Contains("did not fail", parsed.IgnoredReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OtherErrorCode_IgnoredNamingTheCode()
    {
        var parsed = Parse(LaunchFailureEvents.RunInstances(ImageId, code: "InsufficientInstanceCapacity"));

        Assert.Null(parsed.Failure);
        Assert.Contains("InsufficientInstanceCapacity, not an image failure", parsed.IgnoredReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OtherEc2Call_IgnoredAsNotALaunch()
    {
        var parsed = Parse(LaunchFailureEvents.CloudTrail("e", RestoreHarness.Region, "CreateTags", "InvalidAMIID.NotFound", LaunchFailureEvents.Caller, null, "{}"));

        Assert.Contains("is not a launch", parsed.IgnoredReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AutoScalingCapacityFailure_IgnoredQuotingTheMessage()
    {
        var parsed = Parse(LaunchFailureEvents.AutoScalingUnsuccessful("web-asg", "We currently do not have sufficient c5.large capacity in the Availability Zone you requested."));

        Assert.Null(parsed.Failure);
        Assert.Contains("not its image", parsed.IgnoredReason, StringComparison.Ordinal);
        Assert.Contains("sufficient c5.large capacity", parsed.IgnoredReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AutoScalingImageFailureWithoutId_GroupToResolve()
    {
        var parsed = Parse(LaunchFailureEvents.AutoScalingUnsuccessful("web-asg", "The image id does not exist. Launching EC2 instance failed."));

        Assert.NotNull(parsed.Failure);
        Assert.Empty(parsed.Failure.ImageIds);
        Assert.Equal("web-asg", parsed.Failure.AutoScalingGroupName);
    }

    [Fact]
    public void Parse_CreateFleetErrorOnlyInTheResponse_ReadFromTheResponsesErrors()
    {
        var parsed = Parse(LaunchFailureEvents.CloudTrail(
            "e", RestoreHarness.Region, "CreateFleet", null, LaunchFailureEvents.Caller, null,
            """{"CreateFleetRequest": {"Type": "instant", "LaunchTemplateConfigs": [{"LaunchTemplateSpecification": {"LaunchTemplateName": "batch", "Version": "$Default"}}]}}""",
            """{"CreateFleetResponse": {"errorSet": {"item": [{"errorCode": "InvalidAMIID.Unavailable", "errorMessage": "gone"}]}}}"""));

        Assert.Equal("InvalidAMIID.Unavailable", parsed.Failure?.ErrorCode);
        Assert.Equal([new Core.OnDemand.LaunchTemplateRef(null, "batch", "$Default")], parsed.Failure!.LaunchTemplates);
    }

    [Fact]
    public void Parse_RequestNamesImageAndTemplate_TheImageWinsAsEc2Does()
    {
        var parsed = Parse(LaunchFailureEvents.CloudTrail(
            "e", RestoreHarness.Region, "RunInstances", "InvalidAMIID.NotFound", LaunchFailureEvents.Caller, null,
            $$$"""{"instancesSet": {"items": [{"imageId": "{{{ImageId}}}"}]}, "launchTemplate": {"launchTemplateId": "lt-0abc1234def567890", "version": "1"}}"""));

        Assert.Equal([ImageId], parsed.Failure!.ImageIds);
        Assert.Empty(parsed.Failure.LaunchTemplates);
    }
}
