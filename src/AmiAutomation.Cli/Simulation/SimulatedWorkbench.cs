using System.Text;
using AmiAutomation.Cli.Hosting;
using Microsoft.Extensions.Logging;

namespace AmiAutomation.Cli.Simulation;

/// <summary>
/// The account behind <c>invoke --simulate</c> and <c>restore --simulate</c>: a small generated fleet in two regions,
/// what the payload names adopted into it (<see cref="PayloadAdopter"/>), and for restore one real expire run first,
/// so the Recycle Bin and the ledger hold something to list and restore.
/// </summary>
internal static class SimulatedWorkbench
{
    public const int Images = 150;
    public const int Seed = 42;

    public static async Task<SimulatedAccount> CreateAsync(string region, string function, byte[] payload, IEnumerable<string> settings,
        SimulationClock clock, ILoggerProvider logs, TextWriter error, CancellationToken cancellationToken)
    {
        var home = region;
        var other = home == SimulationOptions.DefaultRegions[0] ? SimulationOptions.DefaultRegions[1] : SimulationOptions.DefaultRegions[0];
        var account = SimulatedAccount.Create(Seed, Images, [home, other], settings, clock, logs);
        var (adopted, expirable) = PayloadAdopter.Adopt(account.Simulator, home, other, function, payload);
        if (function == "restore" && NamesEnable(payload))
        {
            // {"enable": [...]}: the payload's images are disabled (by hand: no disable record, so nothing to re-share).
            var client = account.Simulator.ClientFor(home);
            foreach (var id in adopted)
            {
                await client.DisableImageAsync(new Amazon.EC2.Model.DisableImageRequest { ImageId = id }, cancellationToken);
            }

            await error.WriteLineAsync("simulate: disabled the payload's images, so there is something to enable.");
        }
        else if (function == "restore")
        {
            // The payload's images first (selected by id), then a scheduled run: the bin holds both.
            var setups = new List<string>();
            if (expirable.Count > 0)
            {
                setups.Add($"{{\"source\":\"cli-setup\",\"dryRun\":false,\"imageIds\":[{string.Join(',', expirable.Select(id => $"\"{id}\""))}]}}");
            }

            // A manual sweep payload is a dry run unless it says otherwise: the setup must really expire images.
            setups.Add("{\"source\":\"cli-setup\",\"dryRun\":false}");
            foreach (var setup in setups)
            {
                var expire = await account.InvokeAsync(home, "expire", Encoding.UTF8.GetBytes(setup), cancellationToken);
                if (!expire.Succeeded)
                {
                    await error.WriteLineAsync($"simulate: a setup expire run failed ({expire.Error!.ErrorType}: {expire.Error.ErrorMessage}).");
                }
            }

            await error.WriteLineAsync("simulate: ran the expire function first, so the Recycle Bin holds images to list and restore.");
        }

        await error.WriteLineAsync($"simulate: {account.InitialFleet.Images} generated images in {home} and {other}"
            + (adopted.Count > 0 ? $"; added the payload's images {string.Join(", ", adopted)}" : string.Empty) + ".");
        return account;
    }

    private static bool NamesEnable(byte[] payload)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(payload);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && document.RootElement.EnumerateObject().Any(p => string.Equals(p.Name, "enable", StringComparison.OrdinalIgnoreCase));
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
