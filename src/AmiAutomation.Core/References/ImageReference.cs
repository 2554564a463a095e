namespace AmiAutomation.Core.References;

/// <summary>Something that launches (or can launch) from an image.</summary>
public sealed record ImageReference(string ImageId, ReferenceKind Kind, string ResourceId);

public enum ReferenceKind
{
    /// <summary>An instance in any state but terminated.</summary>
    Instance,

    /// <summary>A version of a launch template (any version, not only $Default/$Latest).</summary>
    LaunchTemplateVersion,

    /// <summary>A resource reported by DescribeImageReferences (SSM parameter, Image Builder recipe, ...).</summary>
    ImageReferencesApi,

    /// <summary>A pinned id from configuration or another external provider.</summary>
    External,

    /// <summary>An Auto Scaling launch configuration.</summary>
    LaunchConfiguration,

    /// <summary>A Spot Instance request that can still launch (open, active or disabled).</summary>
    SpotRequest,

    /// <summary>A Spot Fleet request that can still launch, through one of its launch specifications.</summary>
    SpotFleet,
}
