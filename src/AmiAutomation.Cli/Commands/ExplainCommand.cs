using System.CommandLine;
using System.Text.RegularExpressions;
using AmiAutomation.Cli.Explain;
using AmiAutomation.Cli.Planning;

namespace AmiAutomation.Cli.Commands;

/// <summary><c>explain ami-… [ami-…]</c>: every rule of every function for each image, with the evidence. Read-only.</summary>
internal static partial class ExplainCommand
{
    public static readonly string[] Outputs = ["text", "table", "json"];

    public static Command Create(CliContext context, GlobalOptions global)
    {
        var ids = new Argument<string[]>("ami-id")
        {
            Description = "The image(s) to explain (ami- followed by 8 or 17 hex digits).",
            Arity = ArgumentArity.OneOrMore,
        };
        ids.Validators.Add(result =>
        {
            foreach (var id in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!ImageIdPattern().IsMatch(id))
                {
                    result.AddError($"'{id}' is not an AMI id: expected ami- followed by 8 or 17 hexadecimal digits (e.g. ami-0123456789abcdef0).");
                }
            }
        });
        var aws = new AwsTargetOptions("Region(s) to look in, repeatable or comma-separated (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region; with --simulate the simulator's regions).", int.MaxValue);
        var at = new Option<string?>("--at")
        {
            Description = "Explain as if it were this time (what-if): ISO 8601 (2030-01-31) or relative (+30d, +12h).",
        };
        at.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text
                && (!PlanTime.TryParse(text, TimeProvider.System.GetUtcNow(), out var value) || !PlanTime.IsInRange(value)))
            {
                result.AddError($"--at '{text}' is not a time in {PlanTime.RangeText}: use ISO 8601 (2030-01-31 or 2030-01-31T12:00:00Z) or +Nd / +Nh.");
            }
        });
        var output = new Option<string>("--output", "-o")
        {
            Description = "text (default; table is the same) or json.",
            DefaultValueFactory = _ => "text",
        };
        CommonOptions.OnlyFrom(output, "output format", Outputs);
        var json = CommonOptions.Json();
        var set = CommonOptions.Set();
        var simulate = CommonOptions.Simulate();
        var command = new Command("explain", "Explain, for each AMI, every rule of every function that applies to it now (or --at), with the evidence and what happens next. Never changes anything.")
        {
            ids, at, output, json, set, simulate,
        };
        aws.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new ExplainRequest
            {
                ImageIds = parse.GetValue(ids) ?? [],
                Regions = aws.RegionList(parse),
                At = parse.GetValue(at),
                Settings = aws.Settings(parse, set),
                Output = parse.GetValue(json) ? "json" : parse.GetValue(output) ?? "text",
                Simulate = parse.GetValue(simulate),
                Verbose = parse.GetValue(global.Verbose),
            };
            return await ExplainRunner.RunAsync(context, request, cancellationToken);
        });
        return command;
    }

    [GeneratedRegex("^ami-([0-9a-f]{8}|[0-9a-f]{17})$", RegexOptions.CultureInvariant)]
    private static partial Regex ImageIdPattern();
}
