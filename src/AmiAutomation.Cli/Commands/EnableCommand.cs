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
        var dryRun = new DryRunOptions("Only report what would be enabled and re-shared; change nothing (wins over DRY_RUN=false).", "enable the AMIs");
        var simulate = CommonOptions.Simulate();
        var aws = new AwsTargetOptions("The region of the AMIs (one; default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region).", 1);
        var json = CommonOptions.Json();
        var set = CommonOptions.Set();
        command.Arguments.Add(imageIds);
        dryRun.AddTo(command);
        command.Options.Add(simulate);
        aws.AddTo(command);
        command.Options.Add(json);
        command.Options.Add(set);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new EnableRequest
            {
                ImageIds = parse.GetValue(imageIds) ?? [],
                DryRun = parse.GetValue(dryRun.DryRun),
                Live = parse.GetValue(dryRun.Live),
                Simulate = parse.GetValue(simulate),
                Region = aws.Region(parse),
                Json = parse.GetValue(json),
                Settings = aws.Settings(parse, set),
                Verbose = parse.GetValue(global.Verbose),
            };
            return await EnableCommandRunner.RunAsync(context, request, cancellationToken);
        });
        return command;
    }
}
