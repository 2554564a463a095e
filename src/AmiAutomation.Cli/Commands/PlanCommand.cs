using System.CommandLine;
using AmiAutomation.Cli.Planning;

namespace AmiAutomation.Cli.Commands;

/// <summary><c>plan</c>: what each function would do now (or at <c>--at</c>) in a real account. Read-only.</summary>
internal static class PlanCommand
{
    public static readonly string[] Functions = ["deprecate", "expire", "copy", "all"];

    public static Command Create(CliContext context, GlobalOptions global)
    {
        var aws = new AwsTargetOptions("Region(s) to plan for, repeatable or comma-separated (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region).", int.MaxValue);
        var function = new Option<string>("--function", "-f")
        {
            Description = "The function to plan for.",
            DefaultValueFactory = _ => "all",
        };
        CommonOptions.OnlyFrom(function, "function", Functions);
        var at = new Option<string?>("--at")
        {
            Description = "Plan as if it were this time (what-if): ISO 8601 (2030-01-31, 2030-01-31T12:00Z) or relative (+30d, +12h).",
        };
        at.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is not { } text)
            {
                return;
            }

            if (!PlanTime.TryParse(text, TimeProvider.System.GetUtcNow(), out var value))
            {
                result.AddError($"--at '{text}' is not a time: use ISO 8601 (2030-01-31 or 2030-01-31T12:00:00Z) or +Nd / +Nh.");
            }
            else if (!PlanTime.IsInRange(value))
            {
                result.AddError($"--at '{text}' is out of range: plans can be made for {PlanTime.RangeText} (UTC).");
            }
        });
        var json = CommonOptions.Json();
        var set = CommonOptions.Set();
        var command = new Command("plan", "Show what deprecate, expire and copy would do in an AWS account, with reasons. Never changes anything.")
        {
            function, at, json, set,
        };
        aws.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new PlanRequest
            {
                Regions = aws.RegionList(parse),
                Function = parse.GetValue(function) ?? "all",
                At = parse.GetValue(at),
                Settings = aws.Settings(parse, set),
                Json = parse.GetValue(json),
                Verbose = parse.GetValue(global.Verbose),
            };
            return await PlanRunner.RunAsync(context, request, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
