using AmiAutomation.Aws.Clients;
using AmiAutomation.Simulation.Diagnostics;
using AmiAutomation.Simulation.Faults;
using AmiAutomation.Simulation.Operations;
using AmiAutomation.Simulation.State;
using AmiAutomation.Simulation.Throttling;
using Amazon.EC2;

namespace AmiAutomation.Simulation;

/// <summary>
/// An in-memory EC2 for one account across many regions. Talk to it through <see cref="ClientFor"/> (an
/// <see cref="AmazonEC2Client"/> subclass bound to one region), seed it with <c>Add*</c>, inspect it with
/// <c>Find*</c>/<c>Is*</c>. Time is the injected <see cref="TimeProvider"/>; pending work settles lazily on each call.
/// Every operation runs under one lock, so concurrent callers see a consistent world.
/// </summary>
public sealed partial class Ec2Simulator
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RegionState> _regions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimulatedEc2Client> _clients = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unusableKmsKeys = new(StringComparer.Ordinal);
    private readonly RequestThrottler _throttler = new();

    public Ec2Simulator(TimeProvider? time = null, SimulatorOptions? options = null)
    {
        Time = time ?? TimeProvider.System;
        Options = options ?? new SimulatorOptions();
        if (!ResourceIds.IsAccountId(Options.AccountId))
        {
            throw new ArgumentException($"Account id '{Options.AccountId}' must be 12 digits.", nameof(options));
        }
    }

    public TimeProvider Time { get; }

    public SimulatorOptions Options { get; }

    public string AccountId => Options.AccountId;

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Every call received, with its region and outcome.</summary>
    public CallLog Calls { get; } = new();

    public FaultInjector Faults { get; } = new();

    /// <summary>Listings that go blind, hooks between calls, ownership lies: see <see cref="EmulatorLies"/>.</summary>
    public EmulatorLies Lies { get; } = new();

    /// <summary>The simulated IAM decision (deny-list / allow-list).</summary>
    public AccessPolicy Access { get; } = new();

    public IEc2ClientFactory ClientFactory => new SimulatedEc2ClientFactory(this);

    internal IdGenerator Ids { get; } = new();

    /// <summary>The client bound to <paramref name="region"/> (one cached instance per region; never touches the network).</summary>
    public SimulatedEc2Client ClientFor(string region)
    {
        if (!ResourceIds.IsRegionName(region))
        {
            throw new ArgumentException($"'{region}' is not a region name (e.g. us-east-1).", nameof(region));
        }

        lock (_gate)
        {
            if (!_clients.TryGetValue(region, out var client))
            {
                client = new SimulatedEc2Client(this, region);
                _clients[region] = client;
            }

            return client;
        }
    }

    /// <summary>Regions that hold state or were asked for.</summary>
    public IReadOnlyList<string> Regions
    {
        get
        {
            lock (_gate)
            {
                return _regions.Keys.Order(StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>Copies encrypted with this key (id, ARN or alias, as sent in KmsKeyId) end <c>failed</c>.</summary>
    public void MarkKmsKeyUnusable(string kmsKeyId)
    {
        lock (_gate)
        {
            _unusableKmsKeys.Add(kmsKeyId);
        }
    }

    /// <summary>Empties the throttling buckets (e.g. after switching throttling on).</summary>
    public void ResetThrottling() => _throttler.Reset();

    internal bool IsKmsKeyUnusable(string kmsKeyId) => _unusableKmsKeys.Contains(kmsKeyId);

    /// <summary>Get or create a region's state; caller holds the lock.</summary>
    internal RegionState RegionLocked(string name)
    {
        if (!_regions.TryGetValue(name, out var region))
        {
            region = new RegionState(name);
            _regions[name] = region;
        }

        return region;
    }

    /// <summary>Runs <paramref name="action"/> under the lock after settling time in every region.</summary>
    internal T Locked<T>(Func<DateTimeOffset, T> action) => Locked(Now, action);

    internal T Locked<T>(DateTimeOffset now, Func<DateTimeOffset, T> action)
    {
        lock (_gate)
        {
            foreach (var region in _regions.Values)
            {
                WorldClock.Settle(region, now);
            }

            return action(now);
        }
    }

    /// <summary>One API call: latency, injected faults, throttling, access check, then the operation under the lock; recorded either way.</summary>
    internal async Task<T> InvokeAsync<T>(string region, string action, ThrottleBucket bucket, bool? dryRun, Func<OperationContext, T> operation, CancellationToken cancellationToken)
    {
        var latency = Faults.LatencyFor(action);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var now = Now;
        string? errorCode = null;
        try
        {
            if (Faults.Take(action, region) is { } fault)
            {
                throw Ec2Errors.Create(fault.ErrorCode, fault.Message, fault.StatusCode);
            }

            if (Options.ThrottlingEnabled && !_throttler.TryAcquire(region, action, bucket, now))
            {
                throw Ec2Errors.Create("RequestLimitExceeded", $"Request limit exceeded for {action} in {region} (simulated {bucket} bucket).", System.Net.HttpStatusCode.ServiceUnavailable);
            }

            if (!Access.IsAllowed(action))
            {
                throw Ec2Errors.Unauthorized(action);
            }

            var (blind, hooks) = Lies.Count(action);
            var result = Locked(now, at => operation(new OperationContext(this, RegionLocked(region), at, dryRun == true) { Blind = blind }));
            foreach (var hook in hooks)
            {
                hook();
            }

            return result;
        }
        catch (AmazonEC2Exception exception)
        {
            errorCode = exception.ErrorCode ?? string.Empty;
            throw;
        }
        finally
        {
            Calls.Record(new RecordedCall(action, region, now, dryRun == true, errorCode));
        }
    }
}
