namespace AmiAutomation.Core.Images;

/// <summary>EC2 image states the product distinguishes; anything else maps to <see cref="Other"/>.</summary>
public enum ImageState
{
    Available,
    Pending,
    Failed,
    Disabled,
    Deregistered,
    Other,
}
