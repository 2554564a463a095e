namespace AmiAutomation.Cli;

/// <summary>The process exit codes of <c>ami-automation</c>, for every command. Stable: scripts and CI match them.
/// README's exit-code table must equal <see cref="Documented"/> (a test compares them): this file is the one source.</summary>
public static class ExitCodes
{
    /// <summary>Everything ran and reported no failure.</summary>
    public const int Ok = 0;

    /// <summary>The run finished but reported failures: a function error, or a response status <c>partial</c>,
    /// <c>failed</c> or <c>blocked</c> (failed actions, failed sources, an aborted run, a held run lease).</summary>
    public const int RunFailed = 1;

    /// <summary>Bad usage or input: unknown option or function, bad value, missing or unreadable file, a payload the
    /// function rejects (not JSON, unknown fields), an invalid or unknown setting.</summary>
    public const int BadUsage = 2;

    /// <summary>AWS could not be reached or refused us: no credentials, bad endpoint, access denied.</summary>
    public const int AwsProblem = 3;

    /// <summary>Interrupted (Ctrl-C, SIGINT, SIGTERM): 128 + SIGINT, as shells report it. Whatever was done stays done;
    /// the functions re-check before every destructive step, so a cancelled run leaves nothing half-planned behind.</summary>
    public const int Cancelled = 130;

    /// <summary>Every code with its one-line meaning, in README's words (the exit-code table).</summary>
    public static readonly IReadOnlyList<(int Code, string Meaning)> Documented =
    [
        (Ok, "ok"),
        (RunFailed, "the run reported failures: a function error, a response `status` of `partial`, `failed` or `blocked` (`invoke`, `restore`), an incomplete inventory (`plan`), a safety check that failed (`simulate`), a set latch (`latch show`)"),
        (BadUsage, "bad usage or input (unknown option or function, bad value, missing or malformed event file, a payload the function rejects, invalid or unknown setting)"),
        (AwsProblem, "AWS could not be used (no credentials, unknown profile or expired SSO login, invalid endpoint, unreachable or refusing AWS before a function runs or while `plan` reads images); a function that runs reports AWS failures in its `status` (exit 1)"),
        (Cancelled, "interrupted (Ctrl-C)"),
    ];
}
