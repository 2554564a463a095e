namespace AmiAutomation.Cli.Tests.Docs;

/// <summary>What became of one README command: run and passed, covered elsewhere (with why), or failed (with why).</summary>
internal sealed record DocCommandResult(DocCommand Command, string Outcome, string? Detail, TimeSpan Elapsed)
{
    public const string RanOutcome = "ran";
    public const string CoveredOutcome = "covered";
    public const string FailedOutcome = "FAILED";

    public bool IsFailure => Outcome == FailedOutcome;

    public static DocCommandResult Ran(DocCommand command, TimeSpan elapsed) => new(command, RanOutcome, null, elapsed);

    public static DocCommandResult Covered(DocCommand command, string why) => new(command, CoveredOutcome, why, TimeSpan.Zero);

    public static DocCommandResult Failed(DocCommand command, string why) => new(command, FailedOutcome, why, TimeSpan.Zero);

    public override string ToString() =>
        $"{Outcome,-7} {Elapsed.TotalSeconds,5:0.0}s  {Command}{(Detail is null ? string.Empty : $"\n          {Detail}")}";
}
