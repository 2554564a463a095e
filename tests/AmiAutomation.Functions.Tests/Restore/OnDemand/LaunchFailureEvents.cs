using System.Text.Json;
using AmiAutomation.Simulation.Diagnostics;

namespace AmiAutomation.Functions.Tests.Restore.OnDemand;

/// <summary>Builds the EventBridge events of failed launches (shapes as in <c>events/restore-on-demand-*.json</c>).</summary>
internal static class LaunchFailureEvents
{
    public const string Caller = "arn:aws:sts::123456789012:assumed-role/web-team-deployer/deploy-pipeline";
    public const string AutoScalingCaller = "arn:aws:sts::123456789012:assumed-role/AWSServiceRoleForAutoScaling/AutoScaling";

    public static string RunInstances(string imageId, string code = "InvalidAMIID.Unavailable", string region = RestoreHarness.Region, string eventId = "e-direct") =>
        CloudTrail(eventId, region, "RunInstances", code, Caller, null,
            $$$"""{"instancesSet": {"items": [{"imageId": "{{{imageId}}}", "minCount": 1, "maxCount": 1}]}, "instanceType": "t3.micro"}""");

    public static string LaunchTemplateByAutoScaling(string templateId, string version, string group, string code = "InvalidAMIID.Unavailable", string eventId = "e-asg-lt") =>
        CloudTrail(eventId, RestoreHarness.Region, "RunInstances", code, AutoScalingCaller, "autoscaling.amazonaws.com",
            $$$"""
            {"instancesSet": {"items": [{"minCount": 1, "maxCount": 1}]},
             "launchTemplate": {"launchTemplateId": "{{{templateId}}}", "version": "{{{version}}}"},
             "tagSpecificationSet": {"items": [{"resourceType": "instance", "tags": [{"key": "aws:autoscaling:groupName", "value": "{{{group}}}"}]}]}}
            """);

    /// <summary>What CloudTrail would deliver for a launch the simulator refused.</summary>
    public static string From(FailedLaunch launch, string eventId) =>
        launch.ImageId is { } image
            ? RunInstances(image, launch.ErrorCode, launch.Region, eventId)
            : LaunchTemplateByAutoScaling(launch.LaunchTemplateId!, launch.LaunchTemplateVersion ?? "$Default", launch.AutoScalingGroupName ?? "none", launch.ErrorCode, eventId);

    public static string AutoScalingUnsuccessful(string group, string statusMessage, string eventId = "e-asg") =>
        $$$"""
        {"version": "0", "id": "{{{eventId}}}", "detail-type": "EC2 Instance Launch Unsuccessful", "source": "aws.autoscaling",
         "account": "123456789012", "time": "2026-03-04T10:20:05Z", "region": "{{{RestoreHarness.Region}}}", "resources": [],
         "detail": {"StatusCode": "Failed", "AutoScalingGroupName": "{{{group}}}", "ActivityId": "a-1",
                    "StatusMessage": {{{JsonSerializer.Serialize(statusMessage)}}}, "Cause": "capacity 2 to 3"}}
        """;

    public static string CloudTrail(string eventId, string region, string eventName, string? code, string caller, string? invokedBy, string requestParameters, string responseElements = "null")
    {
        var invoked = invokedBy is null ? string.Empty : $", \"invokedBy\": \"{invokedBy}\"";
        var error = code is null ? string.Empty : $"\"errorCode\": \"{code}\", \"errorMessage\": \"The image id is not available.\",";
        return $$$"""
            {"version": "0", "id": "{{{eventId}}}", "detail-type": "AWS API Call via CloudTrail", "source": "aws.ec2",
             "account": "123456789012", "time": "2026-03-04T10:15:02Z", "region": "{{{region}}}", "resources": [],
             "detail": {"eventSource": "ec2.amazonaws.com", "eventName": "{{{eventName}}}", "awsRegion": "{{{region}}}",
                        "userIdentity": {"type": "AssumedRole", "arn": "{{{caller}}}" {{{invoked}}} },
                        {{{error}}}
                        "requestParameters": {{{requestParameters}}}, "responseElements": {{{responseElements}}}, "eventID": "ct-{{{eventId}}}"}}
            """;
    }
}
