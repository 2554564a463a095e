namespace AmiAutomation.Simulation.State;

internal sealed class SimLaunchTemplateVersion
{
    public required long VersionNumber { get; init; }
    public required DateTimeOffset CreateTime { get; init; }

    /// <summary>The image the version launches (resolved when it was written as an alias).</summary>
    public string? ImageId { get; init; }

    /// <summary>A <c>resolve:ssm:</c> alias as written, returned unless ResolveAlias is set.</summary>
    public string? ImageAlias { get; init; }
    public string? Description { get; init; }
    public string? InstanceType { get; init; }
}
