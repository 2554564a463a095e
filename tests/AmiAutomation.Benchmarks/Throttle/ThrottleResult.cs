namespace AmiAutomation.Benchmarks.Throttle;

/// <summary>What one run of n deregistrations under EC2's token buckets gave.</summary>
internal sealed record ThrottleResult
{
    public required bool RealTime { get; init; }
    public required int Deregistrations { get; init; }
    public required int Burst { get; init; }
    public required double RefillPerSecond { get; init; }

    /// <summary>Outcome status → count (one outcome per planned deregistration).</summary>
    public required IReadOnlyDictionary<string, int> Outcomes { get; init; }

    public required int DeregisterCalls { get; init; }

    /// <summary>Calls of the execution phase per action.</summary>
    public required IReadOnlyDictionary<string, int> CallsByAction { get; init; }

    /// <summary>Failed calls of the execution phase, "action errorCode" → count.</summary>
    public required IReadOnlyDictionary<string, int> FailedCalls { get; init; }

    /// <summary>Failed DeregisterImage calls: 1-based position among the DeregisterImage calls and seconds after the first.</summary>
    public required IReadOnlyList<(int Position, double Seconds)> FailedDeregisterCalls { get; init; }

    /// <summary>Simulator time from the first to the last DeregisterImage call.</summary>
    public required TimeSpan FirstToLast { get; init; }

    /// <summary>Simulator time of the whole execution phase (re-checks, ledger, tags, Recycle Bin check included).</summary>
    public required TimeSpan Execution { get; init; }

    public required TimeSpan Wall { get; init; }

    /// <summary>Successful ledger writes (Put and UpdateStatus).</summary>
    public required int LedgerWrites { get; init; }

    /// <summary>The bucket's best case: the burst at once, then one call per refill interval.</summary>
    public TimeSpan Expected => TimeSpan.FromSeconds((Deregistrations - Burst) / RefillPerSecond);

    /// <summary>Calls after the burst per second of the first-to-last span.</summary>
    public double AchievedRate => (DeregisterCalls - Burst) / FirstToLast.TotalSeconds;

    public double RatioToSustained => AchievedRate / RefillPerSecond;

    public int FailedCallCount => FailedCalls.Values.Sum();

    public bool Met => RatioToSustained >= 0.9 && FailedCallCount == 0 && DeregisterCalls == Deregistrations
        && Outcomes.GetValueOrDefault("Succeeded") == Deregistrations;
}
