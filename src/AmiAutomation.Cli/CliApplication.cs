using System.CommandLine;
using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Regions;
using AmiAutomation.Cli.Commands;
using AmiAutomation.Cli.Errors;
using AmiAutomation.Runtime.Configuration;
using Amazon.Runtime;

namespace AmiAutomation.Cli;

/// <summary>
/// <c>ami-automation</c>: builds the command tree, parses, runs, and maps every failure to an exit code
/// (<see cref="ExitCodes"/>) with a message naming the problem. In-process entry point for the tests.
/// </summary>
public static class CliApplication
{
    public static RootCommand CreateRootCommand(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var global = new GlobalOptions();
        var root = new RootCommand(
            "AMI lifecycle automation: simulate the product on a generated fleet, plan against an account, "
            + "invoke a function locally, restore AMIs from the Recycle Bin, enable disabled AMIs.");
        root.Options.Add(global.Verbose);
        root.Subcommands.Add(SimulateCommand.Create(context, global));
        root.Subcommands.Add(PlanCommand.Create(context, global));
        root.Subcommands.Add(ExplainCommand.Create(context, global));
        root.Subcommands.Add(InvokeCommand.Create(context, global));
        root.Subcommands.Add(RestoreCommand.Create(context, global));
        root.Subcommands.Add(EnableCommand.Create(context, global));
        root.Subcommands.Add(LatchCommand.Create(context, global));
        root.Subcommands.Add(VersionCommand.Create(context));
        root.Subcommands.Add(CompletionCommand.Create(context));
        VersionCommand.Override(root, context);
        return root;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var console = context.Console;
        var root = CreateRootCommand(context);
        if (args.Count == 0)
        {
            await root.Parse(["--help"]).InvokeAsync(new InvocationConfiguration { Output = console.Error }, cancellationToken);
            return ExitCodes.BadUsage;
        }

        var parse = root.Parse(args);
        // [suggest:N] "line" (shell completion, see CompletionCommand) parses the line itself: its outer parse has
        // the line as an unmatched token, which is not an error here.
        if (parse.Errors.Count > 0 && !IsSuggest(root, parse))
        {
            foreach (var error in parse.Errors)
            {
                console.WriteError(error.Message);
            }

            var command = string.Join(' ', CommandPath(parse.CommandResult.Command));
            console.Error.WriteLine($"Run '{command} --help' for usage.");
            return ExitCodes.BadUsage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
            // Program.cs turns Ctrl-C into the token; we map it to ExitCodes.Cancelled ourselves.
            ProcessTerminationTimeout = null,
        };
        try
        {
            var code = await parse.InvokeAsync(invocation, cancellationToken);
            if (cancellationToken.IsCancellationRequested)
            {
                // A run that noticed the cancellation as a failed source or step still ends as interrupted.
                console.WriteError(Describe(new OperationCanceledException(cancellationToken)));
                return ExitCodes.Cancelled;
            }

            return code;
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ExitCodeFor(ex) is not null)
        {
            // Whatever the interruption surfaced as (a cancelled read reported as unreadable images, say), it was Ctrl-C.
            console.WriteError($"{Describe(new OperationCanceledException(cancellationToken))} ({Describe(ex)})");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ExitCodeFor(ex) is { } code)
        {
            console.WriteError(Describe(ex));
            return code;
        }
    }

    /// <summary>The exit code for a failure the CLI expects; null for a bug (which then propagates with its stack).</summary>
    public static int? ExitCodeFor(Exception exception) => exception switch
    {
        CliUsageException or ConfigurationException or InvalidRegionException => ExitCodes.BadUsage,
        AwsAccessException or InvalidEndpointUrlException or AmazonClientException => ExitCodes.AwsProblem,
        OperationCanceledException => ExitCodes.Cancelled,
        _ => null,
    };

    private static string Describe(Exception exception) => exception switch
    {
        AmazonServiceException service =>
            $"AWS refused the request ({service.ErrorCode ?? service.StatusCode.ToString()}): {service.Message}",
        AmazonClientException client => $"could not reach AWS: {client.Message}",
        OperationCanceledException => "interrupted: stopped before the end (whatever ran before it stays done).",
        _ => exception.Message,
    };

    private static bool IsSuggest(RootCommand root, ParseResult parse) =>
        root.Directives.OfType<System.CommandLine.Completions.SuggestDirective>().Any(d => parse.GetResult(d) is not null);

    private static IEnumerable<string> CommandPath(Command command)
    {
        var names = new Stack<string>();
        for (Symbol? symbol = command; symbol is not null; symbol = symbol.Parents.FirstOrDefault())
        {
            names.Push(symbol is RootCommand ? "ami-automation" : symbol.Name);
        }

        return names;
    }
}
