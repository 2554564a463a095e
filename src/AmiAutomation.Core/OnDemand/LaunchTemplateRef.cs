namespace AmiAutomation.Core.OnDemand;

/// <summary>A launch template version as a launch named it: id or name, and a version (a number, <c>$Latest</c> or
/// <c>$Default</c>; null means <c>$Default</c>, as EC2 reads an omitted version).</summary>
public sealed record LaunchTemplateRef(string? Id, string? Name, string? Version)
{
    public const string DefaultVersion = "$Default";
    public const string LatestVersion = "$Latest";

    public string EffectiveVersion => string.IsNullOrWhiteSpace(Version) ? DefaultVersion : Version.Trim();

    public override string ToString() => $"launch template {Id ?? Name ?? "?"} version {EffectiveVersion}";
}
