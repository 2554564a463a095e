using System.CommandLine;
using AmiAutomation.Cli.Simulation;

namespace AmiAutomation.Cli.Commands;

/// <summary><c>simulate</c>: the product's main job over N simulated days of a generated fleet, no AWS account needed.</summary>
internal static class SimulateCommand
{
    public static Command Create(CliContext context, GlobalOptions global)
    {
        var days = CommonOptions.Int("--days", "Simulated days to run", SimulationOptions.DefaultDays, 1, SimulationOptions.MaxDays);
        var seed = CommonOptions.Int("--seed", "Seed of the generated fleet and of the daily builds", SimulationOptions.DefaultSeed, 0, int.MaxValue);
        var images = CommonOptions.Int("--images", "Approximate number of images in the generated fleet", SimulationOptions.DefaultImages, 10, SimulationOptions.MaxImages);
        var regions = CommonOptions.Regions(
            "Regions of the fleet, repeatable or comma-separated; the first is the home region copies start from "
                + $"(default {string.Join(',', SimulationOptions.DefaultRegions)}).",
            SimulationOptions.MaxRegions);
        var json = CommonOptions.Json();
        var set = CommonOptions.Set();

        var command = new Command("simulate", "Run the real functions over simulated days of a generated fleet (no AWS account needed).")
        {
            days, seed, images, regions, json, set,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var regionList = parse.GetValue(regions) is { Length: > 0 } r ? r : SimulationOptions.DefaultRegions;
            var options = new SimulationOptions
            {
                Days = parse.GetValue(days),
                Seed = parse.GetValue(seed),
                Images = parse.GetValue(images),
                Regions = regionList,
                Settings = parse.GetValue(set) ?? [],
            };
            return await SimulateRunner.RunAsync(
                context, options, parse.GetValue(json), parse.GetValue(global.Verbose), cancellationToken);
        });
        return command;
    }
}
