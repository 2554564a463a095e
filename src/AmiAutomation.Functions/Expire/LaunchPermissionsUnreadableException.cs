namespace AmiAutomation.Functions.Expire;

/// <summary>An image's launch permissions could not be read, so its ledger record would be incomplete: it is not deregistered.</summary>
public sealed class LaunchPermissionsUnreadableException : Exception
{
    public LaunchPermissionsUnreadableException(string imageId, string problem, Exception innerException)
        : base($"Cannot read the launch permissions of {imageId} for its ledger record ({problem}); it is not deregistered.", innerException)
    {
        ImageId = imageId;
    }

    public LaunchPermissionsUnreadableException()
    {
        ImageId = string.Empty;
    }

    public LaunchPermissionsUnreadableException(string message)
        : base(message)
    {
        ImageId = string.Empty;
    }

    public LaunchPermissionsUnreadableException(string message, Exception innerException)
        : base(message, innerException)
    {
        ImageId = string.Empty;
    }

    public string ImageId { get; }
}
