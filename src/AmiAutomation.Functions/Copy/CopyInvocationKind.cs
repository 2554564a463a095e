namespace AmiAutomation.Functions.Copy;

/// <summary>What one copy invocation was asked to do.</summary>
public enum CopyInvocationKind
{
    /// <summary>An image became available: copy it (source) or finish it (our copy).</summary>
    ImageAvailable,

    /// <summary>An image failed: report it (a failed copy is retried by its source region's reconciler).</summary>
    ImageFailed,

    /// <summary>An event nothing needs to be done for (another state); the output says why.</summary>
    NoOp,

    /// <summary>A request by hand for one image.</summary>
    Manual,

    /// <summary>The scheduled reconciler.</summary>
    Reconcile,
}
