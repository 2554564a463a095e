using System.Text;
using System.Text.Json;
using AmiAutomation.Functions.Common;
using AmiAutomation.Runtime.Functions;

namespace AmiAutomation.Functions.Tests.Common;

public sealed class ManualSweepInputTests
{
    private static ManualSweepInput Parse(string json) =>
        JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(json), FunctionsJsonContext.Default.ManualSweepInput)!;

    [Theory]
    [InlineData("{}", "manual")]
    [InlineData("{\"source\":\"schedule\"}", "schedule")]
    public void Resolve_ScheduleInputs_SelectEverythingWithConfiguredDryRun(string json, string source)
    {
        var request = Parse(json).Resolve("deprecate", configuredDryRun: true);

        Assert.Equal(source, request.Source);
        Assert.True(request.DryRun);
        Assert.Null(request.Families);
        Assert.Null(request.ImageIds);
        Assert.False(request.IsSelective);
    }

    [Fact]
    public void Parse_FullManualPayload_ReadsEveryField()
    {
        var request = Parse("""{"dryRun": true, "families": ["web", "db"], "imageIds": ["ami-0123456789abcdef0", "ami-12345678"]}""")
            .Resolve("expire", configuredDryRun: false);

        Assert.True(request.DryRun);
        Assert.Equal(new HashSet<string> { "web", "db" }, request.Families);
        Assert.Equal(new HashSet<string> { "ami-0123456789abcdef0", "ami-12345678" }, request.ImageIds);
    }

    [Fact]
    public void Parse_UnknownField_Rejected()
    {
        var ex = Assert.Throws<JsonException>(() => Parse("""{"imageId": "ami-12345678"}"""));

        Assert.Contains("imageId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PropertyNamesIgnoreCase()
    {
        Assert.Equal(true, Parse("""{"DryRun": true}""").DryRun);
    }

    [Fact]
    public void Resolve_LiveRequestedButConfiguredDryRun_Rejected()
    {
        var ex = Assert.Throws<InvalidEventException>(() => Parse("""{"dryRun": false}""").Resolve("expire", configuredDryRun: true));

        Assert.Contains("DRY_RUN=true", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(false, null, true)]
    [InlineData(false, false, false)]
    [InlineData(false, true, true)]
    public void Resolve_DryRunOnlyEverMadeSafer(bool configured, bool? requested, bool expected)
    {
        var input = new ManualSweepInput { DryRun = requested };

        Assert.Equal(expected, input.Resolve("deprecate", configured).DryRun);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"source": "manual"}""")]
    [InlineData("""{"source": "cli", "families": ["web"]}""")]
    public void Resolve_ManualPayloadWithoutDryRun_OnLiveStack_IsADryRun(string json)
    {
        Assert.True(Parse(json).Resolve("expire", configuredDryRun: false).DryRun);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Resolve_SchedulePayload_RunsInTheConfiguredMode(bool configured, bool expected)
    {
        Assert.Equal(expected, Parse("""{"source": "schedule"}""").Resolve("expire", configured).DryRun);
    }

    [Fact]
    public void Resolve_ManualPayloadAskingForLive_OnLiveStack_IsLive()
    {
        Assert.False(Parse("""{"dryRun": false}""").Resolve("expire", configuredDryRun: false).DryRun);
    }

    [Fact]
    public void Resolve_BadValues_EveryOneNamed()
    {
        var input = new ManualSweepInput
        {
            Source = "Bad Source!",
            ImageIds = ["ami-12345678", "ami-XYZ", "i-0123456789abcdef0"],
            Families = ["web", " "],
        };

        var ex = Assert.Throws<InvalidEventException>(() => input.Resolve("deprecate", configuredDryRun: true));

        Assert.Contains("'Bad Source!'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("imageIds[1] 'ami-XYZ'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("imageIds[2] 'i-0123456789abcdef0'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("families[1] ' '", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ami-12345678", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_EmptyList_Rejected()
    {
        var ex = Assert.Throws<InvalidEventException>(() => new ManualSweepInput { ImageIds = [] }.Resolve("expire", true));

        Assert.Contains("imageIds is empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_HugeFamilyName_ErrorQuotesOnlyTheStart()
    {
        var huge = new string('x', 1_000_000);

        var ex = Assert.Throws<InvalidEventException>(() => new ManualSweepInput { Families = [huge] }.Resolve("expire", configuredDryRun: true));

        Assert.True(ex.Message.Length < 500, $"message of {ex.Message.Length} characters");
        Assert.Contains("1000000 characters", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("web\nserver")]
    [InlineData("web\u0000")]
    [InlineData("web\u001b[31m")]
    public void Resolve_ControlCharacterInFamily_Rejected(string escaped)
    {
        var family = System.Text.RegularExpressions.Regex.Unescape(escaped);

        var ex = Assert.Throws<InvalidEventException>(() => new ManualSweepInput { Families = [family] }.Resolve("expire", configuredDryRun: true));

        Assert.Contains("families[0]", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(family, ex.Message, StringComparison.Ordinal);
    }
}
