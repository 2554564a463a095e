namespace AmiAutomation.Runtime.Configuration;

/// <summary>The seam for environment variables: product code reads them only through this, tests pass a dictionary.</summary>
public interface IEnvironmentVariables
{
    string? Get(string name);
}
