namespace AmiAutomation.Cli.Planning;

internal static class PlanRunner
{
    public static Task<int> RunAsync(CliContext context, PlanRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("PlanRunner: in progress");
}
