namespace AmiAutomation.Aws.Regions;

/// <summary>A value that should be an AWS region name is not one.</summary>
public sealed class InvalidRegionException : ArgumentException
{
    public InvalidRegionException()
        : this(null)
    {
    }

    public InvalidRegionException(string? region)
        : base($"'{region}' is not an AWS region name; expected a name like us-east-1, eu-west-2 or us-gov-west-1.")
    {
        Region = region;
    }

    public InvalidRegionException(string? region, Exception innerException)
        : base($"'{region}' is not an AWS region name; expected a name like us-east-1, eu-west-2 or us-gov-west-1.", innerException)
    {
        Region = region;
    }

    /// <summary>The rejected value.</summary>
    public string? Region { get; }
}
