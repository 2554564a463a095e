using System.Text.Json;
using AmiAutomation.Core.Restore;
using AmiAutomation.Functions.Restore;
using AmiAutomation.Runtime.Functions;

namespace AmiAutomation.Functions.Tests.Restore;

public sealed class RestoreInputTests
{
    private static RestoreInput Parse(string json) => JsonSerializer.Deserialize(json, RestoreJsonContext.Default.RestoreInput)!;

    [Theory]
    [InlineData("""{"action": "list"}""", true, null, null)]
    [InlineData("""{"action": "LIST", "dryRun": true}""", true, null, null)]
    [InlineData("""{"imageId": "ami-0a1b2c3d4e5f60718"}""", false, RestoreTargetKind.ImageId, "ami-0a1b2c3d4e5f60718")]
    [InlineData("""{"action": "restore", "name": " web-server-2026-01-15 "}""", false, RestoreTargetKind.Name, "web-server-2026-01-15")]
    [InlineData("""{"Family": "web-server"}""", false, RestoreTargetKind.Family, "web-server")]
    public void Resolve_ValidPayload_GivesTheRequest(string json, bool isList, RestoreTargetKind? kind, string? value)
    {
        var request = Parse(json).Resolve("restore", configuredDryRun: false);

        Assert.Equal(isList, request.IsList);
        Assert.Equal(kind, request.Target?.Kind);
        Assert.Equal(value, request.Target?.Value);
    }

    [Theory]
    [InlineData("""{}""", "nothing to do")]
    [InlineData("""{"dryRun": true}""", "nothing to do")]
    [InlineData("""{"action": "purge"}""", "action 'purge' is not one of")]
    [InlineData("""{"action": "list", "imageId": "ami-0a1b2c3d4e5f60718"}""", "action 'list' takes no imageId")]
    [InlineData("""{"imageId": "ami-0a1b2c3d4e5f60718", "name": "web"}""", "only one of imageId, name or family; got imageId and name")]
    [InlineData("""{"name": "  "}""", "name is empty")]
    [InlineData("""{"family": ""}""", "family is empty")]
    public void Resolve_ContradictoryOrIncompletePayload_IsAnInvalidEventNamingTheProblem(string json, string expected)
    {
        var error = Assert.Throws<InvalidEventException>(() => Parse(json).Resolve("restore", configuredDryRun: false));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("The restore function rejected its input:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_TooLongName_IsRejected() =>
        Assert.Throws<InvalidEventException>(() => new RestoreInput { Name = new string('a', 129) }.Resolve("restore", false));

    [Theory]
    [InlineData("ami-123")]
    [InlineData("AMI-0A1B2C3D4E5F60718")]
    [InlineData("snap-0a1b2c3d4e5f60718")]
    public void Resolve_MalformedImageId_IsAnInvalidImageIdError(string imageId)
    {
        var error = Assert.Throws<RestoreInvalidImageIdException>(() => new RestoreInput { ImageId = imageId }.Resolve("restore", false));

        Assert.Equal(imageId, error.ImageId);
        Assert.Contains(imageId, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, true, true)]
    [InlineData(null, false, false)]
    [InlineData(true, false, true)]
    [InlineData(false, false, false)]
    [InlineData(true, true, true)]
    public void Resolve_DryRun_PayloadOnlyNarrowsTheConfiguration(bool? payload, bool configured, bool expected) =>
        Assert.Equal(expected, new RestoreInput { ImageId = "ami-0a1b2c3d4e5f60718", DryRun = payload }.Resolve("restore", configured).DryRun);

    [Fact]
    public void Resolve_LiveRequestWhenConfiguredForDryRun_IsRejected()
    {
        var error = Assert.Throws<InvalidEventException>(() => new RestoreInput { ImageId = "ami-0a1b2c3d4e5f60718", DryRun = false }.Resolve("restore", true));

        Assert.Contains("DRY_RUN=true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_UnknownField_Throws() =>
        Assert.Throws<JsonException>(() => Parse("""{"imageId": "ami-0a1b2c3d4e5f60718", "force": true}"""));
}
