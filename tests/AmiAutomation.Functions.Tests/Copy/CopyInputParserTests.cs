using System.Text.Json;
using AmiAutomation.Functions.Copy;
using AmiAutomation.Runtime.Functions;
using static AmiAutomation.Functions.Tests.Copy.CopyHarness;

namespace AmiAutomation.Functions.Tests.Copy;

public sealed class CopyInputParserTests
{
    private static CopyInvocation Parse(string json, bool configuredDryRun = false) =>
        CopyInputParser.Parse(JsonSerializer.Deserialize(json, CopyJsonContext.Default.CopyInput)!, Home, configuredDryRun);

    private static string ParseError(string json, bool configuredDryRun = false) =>
        Assert.Throws<InvalidEventException>(() => Parse(json, configuredDryRun)).Message;

    [Fact]
    public void Parse_AvailableEvent_ImageAvailable()
    {
        var invocation = Parse(Event(Home, "ami-0123456789abcdef0", "available"));

        Assert.Equal(CopyInvocationKind.ImageAvailable, invocation.Kind);
        Assert.Equal("ami-0123456789abcdef0", invocation.ImageId);
        Assert.Equal("event", invocation.Trigger);
    }

    [Fact]
    public void Parse_FailedEvent_CarriesTheErrorMessage()
    {
        var invocation = Parse(Event(Home, "ami-0123456789abcdef0", "failed", "bad key"));

        Assert.Equal(CopyInvocationKind.ImageFailed, invocation.Kind);
        Assert.Equal("bad key", invocation.ErrorMessage);
    }

    [Theory]
    [InlineData("deregistered")]
    [InlineData("disabled")]
    [InlineData("Available")]
    public void Parse_OtherState_NoOpNamingTheState(string state)
    {
        var invocation = Parse(Event(Home, "ami-0123456789abcdef0", state));

        Assert.Equal(CopyInvocationKind.NoOp, invocation.Kind);
        Assert.Contains($"'{state}'", invocation.NoOpReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EventFromAnotherRegion_ClearError()
    {
        var message = ParseError(Event(UsEast, "ami-0123456789abcdef0", "available"));

        Assert.Contains($"'{UsEast}'", message, StringComparison.Ordinal);
        Assert.Contains($"'{Home}'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OtherEventType_NamesSourceAndDetailType()
    {
        var message = ParseError("""{"source": "aws.s3", "detail-type": "Object Created", "region": "eu-west-1", "detail": {}}""");

        Assert.Contains("aws.s3", message, StringComparison.Ordinal);
        Assert.Contains("Object Created", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LowercaseStateKey_RejectedAsMissingState()
    {
        var message = ParseError(Event(Home, "ami-0123456789abcdef0", "available").Replace("\"State\"", "\"state\"", StringComparison.Ordinal));

        Assert.Contains("detail.State", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadImageIdInEvent_Named()
    {
        Assert.Contains("'ami-XYZ'", ParseError(Event(Home, "ami-XYZ", "available")), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ScheduledEventEnvelope_Reconcile()
    {
        var invocation = Parse("""{"version": "0", "id": "x", "detail-type": "Scheduled Event", "source": "aws.events", "account": "123456789012", "time": "2026-03-04T10:00:00Z", "region": "eu-west-1", "resources": [], "detail": {}}""");

        Assert.Equal(CopyInvocationKind.Reconcile, invocation.Kind);
    }

    [Theory]
    [InlineData("""{"action": "reconcile"}""")]
    [InlineData("""{"action": "Reconcile", "dryRun": true}""")]
    public void Parse_ReconcileAction(string json)
    {
        Assert.Equal(CopyInvocationKind.Reconcile, Parse(json).Kind);
    }

    [Fact]
    public void Parse_UnknownAction_ListsTheKnownOne()
    {
        Assert.Contains("'reconcile'", ParseError("""{"action": "sync"}"""), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Manual_RegionsTrimmedAndDeduplicated()
    {
        var invocation = Parse("""{"imageId": "ami-0123456789abcdef0", "regions": ["us-east-1", " us-east-1", "eu-central-1"]}""");

        Assert.Equal(CopyInvocationKind.Manual, invocation.Kind);
        Assert.Equal(["us-east-1", "eu-central-1"], invocation.Regions);
        Assert.False(invocation.DryRun);
    }

    [Fact]
    public void Parse_ManualInvalidRegions_NamesEachOne()
    {
        var message = ParseError("""{"imageId": "ami-0123456789abcdef0", "regions": ["us-east-1", "eu-wst-1", "EU-WEST-1"]}""");

        Assert.Contains("'eu-wst-1'", message, StringComparison.Ordinal);
        Assert.Contains("'EU-WEST-1'", message, StringComparison.Ordinal);
        Assert.DoesNotContain("'us-east-1'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ManualEmptyRegions_Rejected()
    {
        Assert.Contains("regions is empty", ParseError("""{"imageId": "ami-0123456789abcdef0", "regions": []}"""), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ManualLiveWhileConfiguredDry_Rejected()
    {
        Assert.Contains("DRY_RUN=true", ParseError("""{"imageId": "ami-0123456789abcdef0", "dryRun": false}""", configuredDryRun: true), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ConfiguredDryRun_AppliesWhenNotGiven()
    {
        Assert.True(Parse("""{"imageId": "ami-0123456789abcdef0"}""", configuredDryRun: true).DryRun);
    }

    [Fact]
    public void Parse_MixedEnvelopeAndManual_Rejected()
    {
        var json = Event(Home, "ami-0123456789abcdef0", "available").TrimEnd().TrimEnd('}') + """, "imageId": "ami-0123456789abcdef0"}""";

        Assert.Contains("mixes", ParseError(json), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyObject_SaysWhatIsExpected()
    {
        Assert.Contains("EC2 AMI State Change", ParseError("{}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_UnknownField_InvalidEventNamingIt()
    {
        var harness = new CopyHarness();

        var error = await Assert.ThrowsAsync<InvalidEventException>(() => harness.InvokeAsync(harness.Function(), """{"imageID": "ami-0123456789abcdef0"}"""));

        Assert.Contains("imageID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_NotJson_InvalidEvent()
    {
        var harness = new CopyHarness();

        await Assert.ThrowsAsync<InvalidEventException>(() => harness.InvokeAsync(harness.Function(), "not json"));
    }
}
