using System.CommandLine;
using AmiAutomation.Cli.Planning;

namespace AmiAutomation.Cli.Commands;

/// <summary><c>plan</c>: what each function would do now (or at <c>--at</c>) in a real account. Read-only.</summary>
internal static class PlanCommand
{
    public static readonly string[] Functions = ["deprecate", "expire", "copy", "all"];

    public static readonly string[] Outputs = ["table", "json", "csv"];

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
        var output = new Option<string>("--output", "-o")
        {
            Description = "table (default), json (one document) or csv (a header row, then one row per AMI).",
            DefaultValueFactory = _ => "table",
        };
        CommonOptions.OnlyFrom(output, "output format", Outputs);
        var all = new Option<bool>("--all")
        {
            Description = "List every image, kept ones too with the reason they are kept (default: only images some function acts on).",
        };
        var sort = new Option<string>("--sort")
        {
            Description = "Row order: family (newest first within a family), age (oldest first) or id.",
            DefaultValueFactory = _ => "family",
        };
        CommonOptions.OnlyFrom(sort, "sort order", PlanRows.Sorts);
        var family = new Option<string?>("--family") { Description = "Only the images of this family." };
        var action = new Option<string?>("--action")
        {
            Description = "Only images with this action (deprecate, deregister, copy, finish-copy, keep) or reason code (e.g. NewestInFamily, InUse) in some function.",
        };
        var simulate = CommonOptions.Simulate();
        var command = new Command("plan", "Show what deprecate, expire and copy would do in an AWS account, with reasons. Never changes anything.")
        {
            function, at, output, all, sort, family, action, json, set, simulate,
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
                Output = parse.GetValue(json) ? "json" : parse.GetValue(output) ?? "table",
                All = parse.GetValue(all),
                Sort = parse.GetValue(sort) ?? "family",
                Family = parse.GetValue(family),
                Action = parse.GetValue(action),
                Simulate = parse.GetValue(simulate),
                Verbose = parse.GetValue(global.Verbose),
            };
            return await PlanRunner.RunAsync(context, request, cancellationToken);
        });
        return command;
    }
}
