namespace AmiAutomation.Aws.Clients;

/// <summary>An endpoint override (e.g. <c>AWS_ENDPOINT_URL_EC2</c>) is not an absolute http(s) URL.</summary>
public sealed class InvalidEndpointUrlException : ArgumentException
{
    public InvalidEndpointUrlException()
        : this("endpoint URL", (string?)null)
    {
    }

    public InvalidEndpointUrlException(string settingName, string? value)
        : base($"{settingName} is '{value}', which is not an absolute http or https URL (expected e.g. http://127.0.0.1:5000).")
    {
        SettingName = settingName;
        Value = value;
    }

    public InvalidEndpointUrlException(string message, Exception innerException)
        : base(message, innerException)
    {
        SettingName = "endpoint URL";
    }

    /// <summary>Where the value came from (an environment variable name or option).</summary>
    public string SettingName { get; }

    public string? Value { get; }
}
