using System.Text.Json;
using AmiAutomation.Functions.Restore;
using AmiAutomation.Runtime.Functions;

namespace AmiAutomation.Functions.Tests.Restore;

public sealed class RestoreInputEnableTests
{
    private static RestoreInput Parse(string json) => JsonSerializer.Deserialize(json, RestoreJsonContext.Default.RestoreInput)!;

    [Fact]
    public void Resolve_EnableList_TrimmedDeduplicatedInOrder()
    {
        var request = Parse("""{"enable": [" ami-0a1b2c3d4e5f60718", "ami-0123456789abcdef0", "ami-0a1b2c3d4e5f60718"], "dryRun": true}""")
            .Resolve("restore", configuredDryRun: false);

        Assert.Equal(["ami-0a1b2c3d4e5f60718", "ami-0123456789abcdef0"], request.EnableImageIds);
        Assert.True(request.DryRun);
        Assert.Null(request.Target);
    }

    [Theory]
    [InlineData("""{"enable": []}""", "enable is empty")]
    [InlineData("""{"enable": ["ami-0a1b2c3d4e5f60718", "image-1"]}""", "not AMI ids")]
    [InlineData("""{"enable": ["ami-0a1b2c3d4e5f60718"], "imageId": "ami-0a1b2c3d4e5f60718"}""", "not imageId")]
    [InlineData("""{"enable": ["ami-0a1b2c3d4e5f60718"], "action": "list"}""", "not action")]
    public void Resolve_BadEnablePayload_IsAnInvalidEventNamingTheProblem(string json, string expected)
    {
        var error = Assert.Throws<InvalidEventException>(() => Parse(json).Resolve("restore", configuredDryRun: false));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_LiveEnableAgainstDryRunFunction_Refused()
    {
        var error = Assert.Throws<InvalidEventException>(() =>
            Parse("""{"enable": ["ami-0a1b2c3d4e5f60718"], "dryRun": false}""").Resolve("restore", configuredDryRun: true));

        Assert.Contains("DRY_RUN=true", error.Message, StringComparison.Ordinal);
    }
}
