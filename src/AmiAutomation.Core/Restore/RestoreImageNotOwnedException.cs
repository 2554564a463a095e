namespace AmiAutomation.Core.Restore;

/// <summary>The image belongs to another account: this function restores only the account's own AMIs.</summary>
public sealed class RestoreImageNotOwnedException : Exception
{
    public RestoreImageNotOwnedException()
        : this("The AMI belongs to another account.")
    {
    }

    public RestoreImageNotOwnedException(string message)
        : base(message)
    {
    }

    public RestoreImageNotOwnedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RestoreImageNotOwnedException(string imageId, string ownerId, string accountId)
        : base($"{imageId} is owned by account {ownerId}, not by this account ({accountId}): only the account's own AMIs are restored.")
    {
        ImageId = imageId;
        OwnerId = ownerId;
    }

    public string? ImageId { get; }

    public string? OwnerId { get; }
}
