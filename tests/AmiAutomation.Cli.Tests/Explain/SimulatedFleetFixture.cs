using AmiAutomation.Cli.Tests.Output;

namespace AmiAutomation.Cli.Tests.Explain;

/// <summary>
/// The simulator's fleet in us-east-1 planned once with <c>plan --all --output csv</c> (with the newest 40 kept, so
/// some images are kept for being newest alone), and one image of each kind picked from the rows: in use, kept as
/// newest, protected by the keep tag, and due for deregistration.
/// </summary>
public sealed class SimulatedFleetFixture : IAsyncLifetime
{
    public static readonly string[] Settings = ["--set", "EXPIRE_KEEP_NEWEST=40"];

    public CliRun Plan { get; private set; } = null!;
    public List<Dictionary<string, string>> Rows { get; } = [];
    public string InUse { get; private set; } = string.Empty;
    public string Newest { get; private set; } = string.Empty;
    public string Protected { get; private set; } = string.Empty;
    public string Expiring { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Plan = await CliRun.RunAsync(["plan", "--simulate", "-r", "us-east-1", "--all", "--output", "csv", .. Settings]);
        var records = RfcCsv.Parse(Plan.Out);
        var header = records[0];
        Rows.AddRange(records.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second)));
        InUse = Pick(r => r["expire_reason"] == "InUse");
        Newest = Pick(r => r["expire_reason"] == "NewestInFamily");
        Protected = Pick(r => r["expire_reason"] == "KeepTag");
        Expiring = Pick(r => r["expire_action"] == "Deregister");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string Pick(Func<Dictionary<string, string>, bool> predicate) =>
        Rows.FirstOrDefault(predicate)?["image_id"] ?? throw new InvalidOperationException("the simulated fleet has no such image");
}
