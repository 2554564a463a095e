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
    private readonly List<CallHook> _hooks = [];
    private int _ruleCounter;

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

    /// <summary>One API call (EC2's bare action names; other services' namespaced, e.g. <c>autoscaling:DescribeLaunchConfigurations</c>): latency, injected faults, throttling, access check, then the operation under the lock; recorded either way.</summary>
    internal async Task<T> InvokeAsync<T>(string region, string action, ThrottleBucket bucket, bool? dryRun, Func<OperationContext, T> operation, CancellationToken cancellationToken)
    {
        var latency = Faults.LatencyFor(action);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, cancellationToken);
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
        catch (Amazon.Runtime.AmazonServiceException exception)
        {
            errorCode = exception.ErrorCode ?? string.Empty;
            throw;
        }
        finally
        {
            Calls.Record(new RecordedCall(action, region, now, dryRun == true, errorCode));
            RunHooks(action, errorCode is null && dryRun != true);
        }
    }

    /// <summary>
    /// A test hook: runs <paramref name="hook"/> once, right after the <paramref name="nth"/> successful non-dry-run call
    /// of <paramref name="action"/> (e.g. remove a Recycle Bin rule after the first DeregisterImage).
    /// </summary>
    public void After(string action, int nth, Action hook)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nth);
        ArgumentNullException.ThrowIfNull(hook);
        lock (_hooks)
        {
            _hooks.Add(new CallHook(FaultInjector.Normalize(action), nth, hook));
        }
    }

    private void RunHooks(string action, bool succeeded)
    {
        if (!succeeded)
        {
            return;
        }

        List<Action> due = [];
        lock (_hooks)
        {
            foreach (var hook in _hooks.Where(h => h.Action == action).ToList())
            {
                if (--hook.Remaining == 0)
                {
                    _hooks.Remove(hook);
                    due.Add(hook.Run);
                }
            }
        }

        foreach (var run in due)
        {
            run();
        }
    }

    /// <summary>One rbin call: injected faults, access check (AccessDeniedException), then the read under the lock; recorded as <c>rbin:Action</c>.</summary>
    internal async Task<T> InvokeRecycleBinAsync<T>(string region, string action, Func<RegionState, T> operation, CancellationToken cancellationToken)
    {
        var name = "rbin:" + action;
        var latency = Faults.LatencyFor(name);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var now = Now;
        string? errorCode = null;
        try
        {
            if (Faults.Take(name, region) is { } fault)
            {
                throw new Amazon.Runtime.AmazonServiceException(fault.Message, (int)fault.StatusCode >= 500 ? Amazon.Runtime.ErrorType.Receiver : Amazon.Runtime.ErrorType.Sender, fault.ErrorCode, Ec2Errors.NextRequestId(), fault.StatusCode);
            }

            if (!Access.IsAllowed(name))
            {
                throw new Amazon.Runtime.AmazonServiceException(
                    $"User is not authorized to perform: {name} (denied by the simulated access policy).",
                    Amazon.Runtime.ErrorType.Sender,
                    "AccessDeniedException",
                    Ec2Errors.NextRequestId(),
                    System.Net.HttpStatusCode.Forbidden);
            }

            return Locked(now, _ => operation(RegionLocked(region)));
        }
        catch (Amazon.Runtime.AmazonServiceException exception)
        {
            errorCode = exception.ErrorCode ?? string.Empty;
            throw;
        }
        finally
        {
            Calls.Record(new RecordedCall(name, region, now, false, errorCode));
            RunHooks(name, errorCode is null);
        }
    }
}
