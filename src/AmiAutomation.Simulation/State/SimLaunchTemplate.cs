namespace AmiAutomation.Simulation.State;

internal sealed class SimLaunchTemplate
{
    public required string LaunchTemplateId { get; init; }
    public required string Name { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public long DefaultVersion { get; set; } = 1;
    public List<SimLaunchTemplateVersion> Versions { get; } = [];
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public long LatestVersion => Versions.Count == 0 ? 0 : Versions[^1].VersionNumber;

    public SimLaunchTemplateVersion? Version(long number) =>
        number >= 1 && number <= Versions.Count ? Versions[(int)number - 1] : null;
}
