namespace AmiAutomation.Core.Restore;

/// <summary>The image a restore asks for: an id, or a name or family whose newest match is chosen.</summary>
public sealed record RestoreTarget(RestoreTargetKind Kind, string Value)
{
    public static RestoreTarget ForImageId(string imageId) => new(RestoreTargetKind.ImageId, imageId);

    public static RestoreTarget ForName(string name) => new(RestoreTargetKind.Name, name);

    public static RestoreTarget ForFamily(string family) => new(RestoreTargetKind.Family, family);

    /// <summary>For messages: <c>imageId 'ami-…'</c>, <c>name 'web-1'</c>, <c>family 'web'</c>.</summary>
    public override string ToString() => Kind switch
    {
        RestoreTargetKind.ImageId => $"imageId '{Value}'",
        RestoreTargetKind.Name => $"name '{Value}'",
        _ => $"family '{Value}'",
    };
}
