namespace AmiAutomation.Core.Replication;

/// <summary>What started a copy run; it decides a few rules (the reconcile look-back, manual overrides).</summary>
public enum CopyTrigger
{
    /// <summary>An <c>EC2 AMI State Change</c> event.</summary>
    Event,

    /// <summary>A request by hand (<c>{"imageId": …, "regions": […]}</c>).</summary>
    Manual,

    /// <summary>The scheduled reconciler.</summary>
    Reconcile,
}
