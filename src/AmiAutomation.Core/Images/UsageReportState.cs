namespace AmiAutomation.Core.Images;

/// <summary>State of an AMI usage report (EC2: pending | available | error), plus <see cref="None"/> when no usable report exists.</summary>
public enum UsageReportState
{
    None,
    Pending,
    Available,
    Error,
}
