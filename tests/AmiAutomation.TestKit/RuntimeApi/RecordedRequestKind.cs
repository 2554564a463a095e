namespace AmiAutomation.TestKit.RuntimeApi;

/// <summary>Which Runtime API endpoint a request hit.</summary>
public enum RecordedRequestKind
{
    Next,
    Response,
    Error,
    InitError,
    Other,
}
