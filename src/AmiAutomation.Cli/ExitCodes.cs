namespace AmiAutomation.Cli;

/// <summary>The process exit codes of <c>ami-automation</c>. Stable: scripts and CI match them.</summary>
public static class ExitCodes
{
    /// <summary>Everything ran and reported no failure.</summary>
    public const int Ok = 0;

    /// <summary>The run finished but reported failures: a function error, or a response status <c>partial</c>,
    /// <c>failed</c> or <c>blocked</c> (failed actions, failed sources, an aborted run, a held run lease).</summary>
    public const int RunFailed = 1;

    /// <summary>Bad usage or input: unknown option or function, bad value, missing or unreadable file.</summary>
    public const int BadUsage = 2;

    /// <summary>AWS could not be reached or refused us: no credentials, bad endpoint, access denied.</summary>
    public const int AwsProblem = 3;
}
