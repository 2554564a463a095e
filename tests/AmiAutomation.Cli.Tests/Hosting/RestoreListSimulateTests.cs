using System.Text.Json;

namespace AmiAutomation.Cli.Tests.Hosting;

/// <summary><c>restore list --simulate</c> (a README command) lists what its setup expire run put into the Recycle Bin.</summary>
public sealed class RestoreListSimulateTests
{
    [Fact]
    public async Task RestoreList_Simulate_ListsTheImagesTheSetupExpired()
    {
        var run = await CliRun.RunAsync("restore", "list", "--simulate", "--json");
        using var response = JsonDocument.Parse(run.Out);
        var images = response.RootElement.GetProperty("images");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.True(images.GetArrayLength() > 0, $"the simulated Recycle Bin is empty although the setup ran expire first: {run.Error}");
        Assert.All(images.EnumerateArray(), i => Assert.StartsWith("ami-", i.GetProperty("imageId").GetString(), StringComparison.Ordinal));
    }
}
