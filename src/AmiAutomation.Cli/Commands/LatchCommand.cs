using System.CommandLine;
using AmiAutomation.Cli.Hosting;

namespace AmiAutomation.Cli.Commands;

/// <summary><c>latch show</c> and <c>latch clear --reason …</c>: the expire function's Recycle Bin latch in the ledger table.</summary>
internal static class LatchCommand
{
    private const string RegionHelp = "The region whose latch to read (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region).";

    public static Command Create(CliContext context, GlobalOptions global)
    {
        var command = new Command("latch", "Show or clear the Recycle Bin latch that blocks every expire run after a deregistered AMI or snapshot was not seen in the Recycle Bin.");
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Clear(context));
        _ = global;
        return command;
    }

    private static Command Show(CliContext context)
    {
        var aws = new AwsTargetOptions(RegionHelp, 1);
        var set = CommonOptions.Set();
        var show = new Command("show", "Print the latch record (exit 1 while it is set, 0 when clear or never set).") { set };
        aws.AddTo(show);
        show.SetAction(async (parse, cancellationToken) => await LatchRunner.RunAsync(
            context, new LatchRequest(aws.Region(parse), aws.Settings(parse, set), Clear: false, null, null), cancellationToken));
        return show;
    }

    private static Command Clear(CliContext context)
    {
        var aws = new AwsTargetOptions(RegionHelp, 1);
        var set = CommonOptions.Set();
        var reason = new Option<string>("--reason")
        {
            Description = "Why deregistering is safe again (what was investigated and fixed). Required; recorded.",
            Required = true,
        };
        reason.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError("--reason must say what was investigated and why deregistering is safe again.");
            }
        });
        var by = new Option<string?>("--by")
        {
            Description = "Who clears it (default: the local user name).",
        };
        var clear = new Command("clear", "Clear the latch, recording who, why and when.") { set, reason, by };
        aws.AddTo(clear);
        clear.SetAction(async (parse, cancellationToken) => await LatchRunner.RunAsync(
            context, new LatchRequest(aws.Region(parse), aws.Settings(parse, set), Clear: true, parse.GetValue(reason), parse.GetValue(by)), cancellationToken));
        return clear;
    }
}
