using System.CommandLine;

namespace AmiAutomation.Cli.Commands;

/// <summary>
/// <c>--dry-run</c> and <c>--live</c> of a command that can change AMIs (<c>restore</c>, <c>enable</c>), under the
/// functions' dry-run rule: <c>--dry-run</c> forces a dry run, <c>--live</c> asks for DRY_RUN=false, neither leaves
/// DRY_RUN to <c>--set</c>, then the environment, default true. Giving both is a usage error.
/// </summary>
internal sealed class DryRunOptions
{
    public DryRunOptions(string dryRunDescription, string liveWhat)
    {
        DryRun = new Option<bool>("--dry-run") { Description = dryRunDescription };
        Live = CommonOptions.Live(liveWhat);
    }

    public Option<bool> DryRun { get; }

    public Option<bool> Live { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(DryRun);
        command.Options.Add(Live);
        command.Validators.Add(result =>
        {
            if (result.GetValue(Live) && result.GetValue(DryRun))
            {
                result.AddError("--live and --dry-run contradict each other: give one.");
            }
        });
    }

    /// <summary>The flag the function host lays over DRY_RUN: true, false, or null for "as configured".</summary>
    public static bool? Flag(bool dryRun, bool live) => dryRun ? true : live ? false : null;
}
