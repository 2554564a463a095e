using AmiAutomation.Cli;
using AmiAutomation.Cli.Hosting;
using AmiAutomation.Cli.Output;
using AmiAutomation.Runtime.Configuration;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var context = new CliContext(CliConsole.FromSystem(), SystemEnvironmentVariables.Instance)
{
    Progress = ProgressLine.ForStandardError(),
};
return await CliApplication.RunAsync(args, context, cancel.Token);
