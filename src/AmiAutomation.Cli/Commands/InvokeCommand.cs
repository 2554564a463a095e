using System.CommandLine;
using AmiAutomation.Cli.Hosting;

namespace AmiAutomation.Cli.Commands;

/// <summary><c>invoke</c>: run one function locally with a payload file, like <c>sam local invoke</c> without Docker.</summary>
internal static class InvokeCommand
{
    public static Command Create(CliContext context, GlobalOptions global)
    {
        var function = new Argument<string>("function")
        {
            Description = $"The function to run: {string.Join(", ", CommonOptions.FunctionNames)}.",
        };
        CommonOptions.OnlyFrom(function, "function", CommonOptions.FunctionNames);
        var eventFile = new Option<FileInfo>("--event", "-e")
        {
            Description = "The payload file (JSON), e.g. events/deprecate-schedule.json.",
            Required = true,
        };
        eventFile.AcceptExistingOnly();
        var simulate = CommonOptions.Simulate();
        var aws = new AwsTargetOptions("The region of the stack to act as (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region).", 1);
        var live = CommonOptions.Live("the function may change AMIs");
        var json = CommonOptions.Json();
        var set = CommonOptions.Set();
        var command = new Command("invoke", "Run a function locally with a payload file, against AWS or --simulate; a dry run unless --live or DRY_RUN=false.")
        {
            function, eventFile, simulate, live, json, set,
        };
        aws.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new InvokeRequest
            {
                Function = parse.GetValue(function)!,
                EventFile = parse.GetValue(eventFile)!,
                Simulate = parse.GetValue(simulate),
                Region = aws.Region(parse),
                Live = parse.GetValue(live),
                Json = parse.GetValue(json),
                Settings = aws.Settings(parse, set),
                Verbose = parse.GetValue(global.Verbose),
            };
            return await InvokeRunner.RunAsync(context, request, cancellationToken);
        });
        return command;
    }
}
