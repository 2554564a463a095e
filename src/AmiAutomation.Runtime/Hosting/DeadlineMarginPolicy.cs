namespace AmiAutomation.Runtime.Hosting;

/// <summary>
/// How long before the deadline the invocation's <see cref="InvocationContext.CancellationToken"/> fires:
/// <see cref="Fraction"/> of the time remaining when the invocation starts, at least <see cref="Minimum"/> and at most
/// <see cref="Maximum"/>. Defaults: 10 %, 500 ms, 5 s — a 15-minute function stops 5 s early, a 3-second one 500 ms early.
/// The token is for clean stops only; Lambda enforces the real timeout.
/// </summary>
public sealed record DeadlineMarginPolicy
{
    public static DeadlineMarginPolicy Default { get; } = new();

    /// <summary>Share of the remaining time kept in reserve, 0–1. Default 0.1.</summary>
    public double Fraction { get; init; } = 0.1;

    /// <summary>Smallest margin. Default 500 ms.</summary>
    public TimeSpan Minimum { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Largest margin. Default 5 s.</summary>
    public TimeSpan Maximum { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The margin for an invocation that has <paramref name="remaining"/> left when it starts.</summary>
    public TimeSpan MarginFor(TimeSpan remaining)
    {
        var share = remaining <= TimeSpan.Zero ? TimeSpan.Zero : remaining * Math.Clamp(Fraction, 0, 1);
        var ceiling = Maximum < Minimum ? Minimum : Maximum;
        return share < Minimum ? Minimum : share > ceiling ? ceiling : share;
    }

    /// <summary>Delay from now until the token fires: remaining minus margin, never negative.</summary>
    public TimeSpan CancelAfter(TimeSpan remaining)
    {
        var delay = remaining - MarginFor(remaining);
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
