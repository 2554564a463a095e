using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Runtime.Hosting;

/// <summary>What the bootstrap runs with; Program.cs passes the real environment and clock, tests pass fakes.</summary>
public sealed record LambdaBootstrapOptions
{
    /// <summary>Read once at start-up. When it is also <see cref="IWritableEnvironmentVariables"/>, the host sets
    /// <c>_X_AMZN_TRACE_ID</c> in it around each invocation.</summary>
    public required IEnvironmentVariables Environment { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Log records and EMF documents; default <see cref="Console.Out"/>.</summary>
    public TextWriter? Output { get; init; }

    /// <summary>Fatal start-up and Runtime API problems, as plain lines; default <see cref="Console.Error"/>.</summary>
    public TextWriter? ErrorOutput { get; init; }

    /// <summary>Configuration warnings found before the host starts (e.g. misspelt setting names), logged at init.</summary>
    public IReadOnlyList<string> StartupWarnings { get; init; } = [];

    public DeadlineMarginPolicy DeadlineMargin { get; init; } = DeadlineMarginPolicy.Default;
}
