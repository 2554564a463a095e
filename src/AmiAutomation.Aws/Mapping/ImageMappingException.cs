namespace AmiAutomation.Aws.Mapping;

/// <summary>An EC2 image could not be mapped (missing id, unparseable time). The inventory treats this as a failed source.</summary>
public sealed class ImageMappingException : Exception
{
    public ImageMappingException()
    {
    }

    public ImageMappingException(string message)
        : base(message)
    {
    }

    public ImageMappingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
