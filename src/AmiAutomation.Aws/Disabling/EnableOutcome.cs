namespace AmiAutomation.Aws.Disabling;

/// <summary>How enabling one image ended.</summary>
public enum EnableOutcome
{
    /// <summary>EnableImage succeeded (see <see cref="EnableResult.Problems"/> for later steps that failed).</summary>
    Enabled,

    /// <summary>The image was available already: only missing permissions and the hold were applied (if any).</summary>
    AlreadyAvailable,

    /// <summary>Dry run: nothing was changed; the result says what would be.</summary>
    DryRun,

    /// <summary>EC2 does not list the image (deregistered, wrong region, or a typo).</summary>
    NotFound,

    /// <summary>Another account owns the image: only its owner can enable it.</summary>
    NotOwned,

    /// <summary>Pending, failed or otherwise not enable-able.</summary>
    WrongState,

    /// <summary>A read, or EnableImage itself, failed: nothing was changed after the failure.</summary>
    Failed,
}
