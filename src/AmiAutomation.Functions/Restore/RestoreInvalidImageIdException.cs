using AmiAutomation.Core.Restore;

namespace AmiAutomation.Functions.Restore;

/// <summary>The payload's <c>imageId</c> is not an AMI id. Its name is the Lambda <c>errorType</c>.</summary>
public sealed class RestoreInvalidImageIdException : Exception
{
    public RestoreInvalidImageIdException()
        : this("The imageId is not an AMI id.")
    {
    }

    public RestoreInvalidImageIdException(string message)
        : base(message)
    {
    }

    public RestoreInvalidImageIdException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static RestoreInvalidImageIdException For(string? imageId) =>
        new($"imageId '{imageId}' is not an AMI id: expected {ResourceIdFormat.ImageIdExpectation}.") { ImageId = imageId };

    public string? ImageId { get; private init; }
}
