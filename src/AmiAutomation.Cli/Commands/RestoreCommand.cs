using System.CommandLine;
using AmiAutomation.Cli.Hosting;

namespace AmiAutomation.Cli.Commands;

/// <summary><c>restore list</c> and <c>restore &lt;image-id&gt;</c>: wrappers over the restore function.</summary>
internal static class RestoreCommand
{
    private const string RegionHelp = "The region of the Recycle Bin (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region).";

    public static Command Create(CliContext context, GlobalOptions global)
    {
        var command = new Command("restore", "List AMIs in the Recycle Bin (restore list) or restore one (restore <image-id>), through the restore function; a dry run unless --live or DRY_RUN=false.");
        command.Subcommands.Add(CreateList(context, global));

        var imageId = new Argument<string?>("image-id")
        {
            Description = "The AMI to restore (ami-...).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        imageId.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } id && !RestoreRequest.IsImageId(id))
            {
                result.AddError($"'{id}' is not an AMI id: expected ami- followed by 8 to 17 lower-case hex digits.");
            }
        });
        var dryRun = new DryRunOptions("Only check that the restore would work; change nothing (wins over DRY_RUN=false).", "restore the AMI");
        var simulate = CommonOptions.Simulate();
        var aws = new AwsTargetOptions(RegionHelp, 1);
        var json = CommonOptions.Json();
        var set = CommonOptions.Set();
        command.Arguments.Add(imageId);
        dryRun.AddTo(command);
        command.Options.Add(simulate);
        aws.AddTo(command);
        command.Options.Add(json);
        command.Options.Add(set);
        command.Validators.Add(result =>
        {
            if (result.GetResult(imageId) is null || result.GetValue(imageId) is null)
            {
                result.AddError("restore needs an image id (restore ami-0123456789abcdef0) or 'list' (restore list).");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new RestoreRequest
            {
                ImageId = parse.GetValue(imageId),
                DryRun = parse.GetValue(dryRun.DryRun),
                Live = parse.GetValue(dryRun.Live),
                Simulate = parse.GetValue(simulate),
                Region = aws.Region(parse),
                Json = parse.GetValue(json),
                Settings = aws.Settings(parse, set),
                Verbose = parse.GetValue(global.Verbose),
            };
            return await RestoreRunner.RunAsync(context, request, cancellationToken);
        });
        return command;
    }

    private static Command CreateList(CliContext context, GlobalOptions global)
    {
        var simulate = CommonOptions.Simulate();
        var aws = new AwsTargetOptions(RegionHelp, 1);
        var json = CommonOptions.Json();
        var set = CommonOptions.Set();
        var list = new Command("list", "List the AMIs this product deregistered that are still restorable from the Recycle Bin.")
        {
            simulate, json, set,
        };
        aws.AddTo(list);
        list.SetAction(async (parse, cancellationToken) =>
        {
            var request = new RestoreRequest
            {
                Simulate = parse.GetValue(simulate),
                Region = aws.Region(parse),
                Json = parse.GetValue(json),
                Settings = aws.Settings(parse, set),
                Verbose = parse.GetValue(global.Verbose),
            };
            return await RestoreRunner.RunAsync(context, request, cancellationToken);
        });
        return list;
    }
}
