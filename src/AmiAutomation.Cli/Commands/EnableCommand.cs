using System.CommandLine;
using AmiAutomation.Cli.Hosting;

namespace AmiAutomation.Cli.Commands;

/// <summary><c>enable &lt;image-id&gt;…</c>: a wrapper over the restore function's <c>enable</c> payload.</summary>
internal static class EnableCommand
{
    public static Command Create(CliContext context, GlobalOptions global)
    {
        var command = new Command(
            "enable",
            "Enable disabled AMIs (EnableImage), re-share the launch permissions recorded when they were disabled and hold them, through the restore function.");
        var imageIds = new Argument<string[]>("image-id")
        {
            Description = "The AMIs to enable (ami-...).",
            Arity = ArgumentArity.OneOrMore,
        };
        imageIds.Validators.Add(result =>
        {
            foreach (var id in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!RestoreRequest.IsImageId(id))
                {
                    result.AddError($"'{id}' is not an AMI id: expected ami- followed by 8 to 17 lower-case hex digits.");
                }
            }
        });
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Only report what would be enabled and re-shared; change nothing.",
        };
        var simulate = CommonOptions.Simulate();
        var region = CommonOptions.Region();
        var json = CommonOptions.Json();
        var set = CommonOptions.Set();
        command.Arguments.Add(imageIds);
        command.Options.Add(dryRun);
        command.Options.Add(simulate);
        command.Options.Add(region);
        command.Options.Add(json);
        command.Options.Add(set);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new EnableRequest
            {
                ImageIds = parse.GetValue(imageIds) ?? [],
                DryRun = parse.GetValue(dryRun),
                Simulate = parse.GetValue(simulate),
                Region = parse.GetValue(region),
                Json = parse.GetValue(json),
                Settings = parse.GetValue(set) ?? [],
                Verbose = parse.GetValue(global.Verbose),
            };
            return await EnableCommandRunner.RunAsync(context, request, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
