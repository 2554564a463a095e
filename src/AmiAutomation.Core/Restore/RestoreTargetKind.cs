namespace AmiAutomation.Core.Restore;

/// <summary>How a restore names the image it wants back.</summary>
public enum RestoreTargetKind
{
    /// <summary>One AMI by id: restore exactly that one.</summary>
    ImageId,

    /// <summary>The newest matching AMI with this exact name (see <see cref="RestoreTargetSelector"/>).</summary>
    Name,

    /// <summary>The newest matching AMI of this family (see <see cref="RestoreTargetSelector"/>).</summary>
    Family,
}
