namespace AmiAutomation.Lambda.Tests.Iam.Policy;

public sealed class IamPatternsTests
{
    [Theory]
    [InlineData("ec2:DescribeImages", "ec2:DescribeImages", true)]
    [InlineData("EC2:describeimages", "ec2:DescribeImages", true)]
    [InlineData("ec2:Describe*", "ec2:DescribeImages", true)]
    [InlineData("ec2:*", "ec2:DeregisterImage", true)]
    [InlineData("*", "dynamodb:PutItem", true)]
    [InlineData("kms:ReEncrypt*", "kms:ReEncryptFrom", true)]
    [InlineData("ec2:Describe?mages", "ec2:DescribeImages", true)]
    [InlineData("ec2:DescribeImage", "ec2:DescribeImages", false)]
    [InlineData("ec2:Describe*", "ec2:DeregisterImage", false)]
    [InlineData("ssm:GetParameters", "ssm:GetParameter", false)]
    [InlineData("ssm:GetParameter", "ssm:GetParameters", false)]
    public void ActionMatches_WildcardsAndCase_AsIam(string pattern, string action, bool expected) =>
        Assert.Equal(expected, IamPatterns.ActionMatches(pattern, action));

    [Theory]
    [InlineData("*", "arn:aws:ec2:eu-west-1::image/ami-1", true)]
    [InlineData("arn:aws:ec2:eu-west-1::image/*", "arn:aws:ec2:eu-west-1::image/ami-1", true)]
    [InlineData("arn:aws:ec2:eu-west-1::image/*", "arn:aws:ec2:us-east-1::image/ami-1", false)]
    [InlineData("arn:aws:ec2:eu-west-1::image/*", "arn:aws:ec2:eu-west-1::snapshot/snap-1", false)]
    [InlineData("arn:aws:ec2:eu-west-1::image/*", "arn:aws:ec2:eu-west-1:123456789012:image/ami-1", false)]
    [InlineData("arn:aws:ec2:*::image/*", "arn:aws:ec2:us-east-1::image/ami-1", true)]
    [InlineData("arn:aws:ec2:*::image/*", "arn:aws-cn:ec2:cn-north-1::image/ami-1", false)]
    [InlineData("arn:aws:ssm:eu-west-1:*:parameter/*", "arn:aws:ssm:eu-west-1::parameter/aws/service/ami", true)]
    [InlineData("arn:aws:ssm:eu-west-1:*:parameter/*", "arn:aws:ssm:eu-west-1:123456789012:parameter/a/b:c", true)]
    [InlineData("arn:aws:ec2:eu-west-1::image/AMI-*", "arn:aws:ec2:eu-west-1::image/ami-1", false)]
    [InlineData("arn:aws:ec2:*", "arn:aws:ec2:eu-west-1::image/ami-1", true)]
    [InlineData("arn:aws:ec2:eu-*", "arn:aws:ec2:eu-west-1::image/ami-1", true)]
    [InlineData("arn:aws:ec2:eu", "arn:aws:ec2:eu-west-1::image/ami-1", false)]
    [InlineData("arn:aws:dynamodb:eu-west-1:123456789012:table/ledger", "arn:aws:dynamodb:eu-west-1:123456789012:table/ledger", true)]
    [InlineData("arn:aws:dynamodb:eu-west-1:123456789012:table/ledger", "arn:aws:dynamodb:eu-west-1:123456789012:table/ledger/index/a", false)]
    [InlineData("arn:aws:ec2:eu-west-1::image/*", "*", false)]
    public void ResourceMatches_SegmentWise_AsIam(string pattern, string arn, bool expected) =>
        Assert.Equal(expected, IamPatterns.ResourceMatches(pattern, arn));

    [Theory]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXbYY", false)]
    [InlineData("*", "", true)]
    [InlineData("?", "", false)]
    [InlineData("", "", true)]
    [InlineData("**", "abc", true)]
    [InlineData("ec2.*.amazonaws.com", "ec2.eu-west-1.amazonaws.com", true)]
    [InlineData("ec2.*.amazonaws.com", "ec2-images.amazonaws.com", false)]
    public void Glob_StarAndQuestionMark(string pattern, string value, bool expected) =>
        Assert.Equal(expected, IamPatterns.Glob(pattern, value, ignoreCase: false));
}
