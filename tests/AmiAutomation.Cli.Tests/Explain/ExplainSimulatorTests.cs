using System.Text.Json;
using AmiAutomation.Cli.Tests.Output;

namespace AmiAutomation.Cli.Tests.Explain;

public sealed class ExplainSimulatorTests(SimulatedFleetFixture fleet) : IClassFixture<SimulatedFleetFixture>
{
    private async Task<JsonElement> ExplainAsync(string imageId)
    {
        var run = await CliRun.RunAsync(["explain", imageId, "--simulate", "-r", "us-east-1", "--output", "json", .. SimulatedFleetFixture.Settings]);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        var image = document.RootElement.GetProperty("images")[0].Clone();
        Assert.Equal(imageId, image.GetProperty("imageId").GetString());
        Assert.Equal("explained", image.GetProperty("status").GetString());
        return image;
    }

    private static JsonElement Function(JsonElement image, string name) =>
        image.GetProperty("functions").EnumerateArray().Single(f => f.GetProperty("function").GetString() == name);

    private static JsonElement Check(JsonElement function, string kind, string code) =>
        function.GetProperty(kind).EnumerateArray().Single(c => c.GetProperty("code").GetString() == code);

    [Fact]
    public async Task Explain_InUseImage_NamesEachReferenceWithItsSourceAndKeepsIt()
    {
        var image = await ExplainAsync(fleet.InUse);
        var references = image.GetProperty("references").EnumerateArray().ToList();
        var expire = Function(image, "expire");
        var deprecate = Function(image, "deprecate");

        Assert.NotEmpty(references);
        Assert.All(references, r =>
        {
            Assert.Contains(r.GetProperty("source").GetString(), new[] { "Instances", "LaunchTemplates", "ImageReferences", "LaunchConfigurations", "SpotRequests", "SpotFleets" });
            Assert.False(string.IsNullOrEmpty(r.GetProperty("resourceId").GetString()));
        });
        Assert.Equal("keep", expire.GetProperty("action").GetString());
        Assert.StartsWith("InUse: ", expire.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.True(Check(expire, "protections", "InUse").GetProperty("holds").GetBoolean());
        Assert.True(Check(deprecate, "protections", "InUse").GetProperty("holds").GetBoolean());
        Assert.False(Check(expire, "protections", "KeepTag").GetProperty("holds").GetBoolean());
        Assert.Contains("InUse", expire.GetProperty("next").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("kept while", expire.GetProperty("next").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_KeptNewest_GivesTheFamilyAndTheRankWithinTheNewestK()
    {
        var image = await ExplainAsync(fleet.Newest);
        var family = image.GetProperty("family");
        var expire = Function(image, "expire");
        var newest = Check(expire, "protections", "NewestInFamily");

        Assert.Equal(40, family.GetProperty("expireKeepsNewest").GetInt32());
        Assert.InRange(family.GetProperty("rank").GetInt32(), 1, 40);
        Assert.Contains(fleet.Newest, family.GetProperty("newestFirst").EnumerateArray().Select(i => i.GetString()));
        Assert.True(newest.GetProperty("holds").GetBoolean());
        Assert.Contains($"number {family.GetProperty("rank").GetInt32()} of", newest.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(["NewestInFamily"], expire.GetProperty("protections").EnumerateArray().Where(p => p.GetProperty("holds").GetBoolean()).Select(p => p.GetProperty("code").GetString()));
        Assert.StartsWith("NewestInFamily: ", expire.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("kept while NewestInFamily holds", expire.GetProperty("next").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_ProtectedImage_ShowsTheTagReadAndTheProtectionThatHolds()
    {
        var image = await ExplainAsync(fleet.Protected);
        var expire = Function(image, "expire");
        var deprecate = Function(image, "deprecate");

        Assert.True(image.GetProperty("tags").TryGetProperty("ami-lifecycle:keep", out _));
        Assert.True(Check(expire, "protections", "KeepTag").GetProperty("holds").GetBoolean());
        Assert.True(Check(deprecate, "protections", "KeepTag").GetProperty("holds").GetBoolean());
        Assert.Equal("keep", expire.GetProperty("action").GetString());
        Assert.Equal("keep", deprecate.GetProperty("action").GetString());
        Assert.StartsWith("kept while KeepTag", expire.GetProperty("next").GetString(), StringComparison.Ordinal);
        // Every protection expiry checks is listed, holding or not.
        Assert.True(expire.GetProperty("protections").GetArrayLength() >= 12);
    }

    [Fact]
    public async Task Explain_ExpiringImage_SaysItWouldBeDeregisteredWhyAndWhetherItIsRestorable()
    {
        var image = await ExplainAsync(fleet.Expiring);
        var expire = Function(image, "expire");
        var fired = expire.GetProperty("rules").EnumerateArray().Where(r => r.GetProperty("holds").GetBoolean()).ToList();

        Assert.Equal("Deregister", expire.GetProperty("action").GetString());
        Assert.NotEmpty(fired);
        Assert.All(expire.GetProperty("protections").EnumerateArray(), p => Assert.False(p.GetProperty("holds").GetBoolean(), p.GetProperty("code").GetString()));
        Assert.StartsWith("would be deregistered", expire.GetProperty("next").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("restorable after deregistration", image.GetProperty("recycleBin").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_NotYetDue_SaysWhenAndAtThatTimeTheRuleFires()
    {
        // An image with its own deprecation time: its eligibility does not rest on a deprecation still to come.
        var notDue = fleet.Rows.First(r => r["expire_reason"] == "NotDue" && r["deprecation_time"].Length > 0)["image_id"];
        var now = Function(await ExplainAsync(notDue), "expire");
        var next = now.GetProperty("next").GetString()!;
        Assert.StartsWith("eligible for deregistration on ", next, StringComparison.Ordinal);
        var when = DateTimeOffset.Parse(next["eligible for deregistration on ".Length..][..17].Replace('Z', ' ').Trim() + "Z", System.Globalization.CultureInfo.InvariantCulture);
        Assert.DoesNotContain(now.GetProperty("rules").EnumerateArray(), r => r.GetProperty("holds").GetBoolean());

        var later = await CliRun.RunAsync(["explain", notDue, "--simulate", "-r", "us-east-1", "--output", "json",
            "--at", when.AddMinutes(1).ToString("yyyy-MM-ddTHH:mmZ", System.Globalization.CultureInfo.InvariantCulture), .. SimulatedFleetFixture.Settings]);
        using var document = JsonDocument.Parse(later.Out);
        var then = Function(document.RootElement.GetProperty("images")[0], "expire");

        Assert.Contains(then.GetProperty("rules").EnumerateArray(), r => r.GetProperty("holds").GetBoolean());
        Assert.DoesNotContain(then.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("NotDue", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Explain_UnknownImage_SaysNotFoundAndExitsTwo()
    {
        var run = await CliRun.RunAsync("explain", "ami-0123456789abcdef0", fleet.InUse, "--simulate", "-r", "us-east-1");

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("ami-0123456789abcdef0", run.Error, StringComparison.Ordinal);
        Assert.Contains("not found", run.Error, StringComparison.Ordinal);
        Assert.Contains(fleet.InUse, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_MalformedId_ExitsTwoNamingIt()
    {
        var run = await CliRun.RunAsync("explain", "i-0123456789abcdef0", "--simulate");

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("'i-0123456789abcdef0' is not an AMI id", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    public async Task Explain_NarrowTerminal_NoIdIsSplit(int columns)
    {
        string[] ids = [fleet.InUse, fleet.Newest, fleet.Protected, fleet.Expiring];
        var run = await CliAtWidth.RunAsync(columns, null, ["explain", .. ids, "--simulate", "-r", "us-east-1", .. SimulatedFleetFixture.Settings]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        CliAtWidth.AssertFits(run.Out, columns, ids);
        Assert.Contains("HOLDS  InUse", run.Out, StringComparison.Ordinal);
        Assert.Contains("next: would be deregistered", run.Out, StringComparison.Ordinal);
    }
}
