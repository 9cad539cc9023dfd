extension PortlessError.Code {
    // Parameter Store (botocore's SSM model); all HTTP 400.
    public static let parameterNotFound = Self("ParameterNotFound")
    public static let parameterAlreadyExists = Self("ParameterAlreadyExists")
    public static let parameterVersionNotFound = Self("ParameterVersionNotFound")
    public static let parameterVersionLabelLimitExceeded = Self("ParameterVersionLabelLimitExceeded")
    public static let parameterMaxVersionLimitExceeded = Self("ParameterMaxVersionLimitExceeded")
    public static let parameterLimitExceeded = Self("ParameterLimitExceeded")
    public static let hierarchyLevelLimitExceeded = Self("HierarchyLevelLimitExceededException")
    public static let hierarchyTypeMismatch = Self("HierarchyTypeMismatchException")
    public static let invalidAllowedPattern = Self("InvalidAllowedPatternException")
    public static let parameterPatternMismatch = Self("ParameterPatternMismatchException")
    public static let unsupportedParameterType = Self("UnsupportedParameterType")
    public static let invalidKeyId = Self("InvalidKeyId")
    public static let invalidFilterOption = Self("InvalidFilterOption")
    public static let invalidPolicyType = Self("InvalidPolicyTypeException")
    public static let invalidPolicyAttribute = Self("InvalidPolicyAttributeException")
    public static let policiesLimitExceeded = Self("PoliciesLimitExceededException")
    public static let incompatiblePolicy = Self("IncompatiblePolicyException")
}

/// Parameter Store's errors in SSM's words.
public enum ParameterErrors {
    /// No such parameter (or version label), in moto's recording of SSM's words.
    public static func notFound(_ name: String, field: String = "Name") -> PortlessError {
        PortlessError(aws: .parameterNotFound, "Parameter \(name) not found.", field: field)
    }

    public static let alreadyExists = PortlessError(aws: .parameterAlreadyExists,
                                                    "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.",
                                                    field: "Name")

    public static func versionNotFound(_ name: String, version: Int) -> PortlessError {
        PortlessError(aws: .parameterVersionNotFound, "Systems Manager could not find version \(version) of \(name). Verify the version and try again.",
                      field: "ParameterVersion")
    }

    public static let labelLimitExceeded = PortlessError(aws: .parameterVersionLabelLimitExceeded,
                                                         "A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.",
                                                         field: "Labels")

    public static func maxVersions(_ name: String, oldest: Int) -> PortlessError {
        PortlessError(aws: .parameterMaxVersionLimitExceeded,
                      "You attempted to create a new version of \(name) by calling the PutParameter API with the overwrite flag. Version \(oldest), the oldest version, can't be deleted because it has a label associated with it. Move the label to another version of the parameter, and try again.",
                      field: "Name")
    }

    public static let tagsWithOverwrite = PortlessError(aws: .validation,
                                                        "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.",
                                                        field: "Tags")

    /// A `Type` other than String, StringList and SecureString (the text of SSM's model for the error).
    public static let unsupportedType = PortlessError(aws: .unsupportedParameterType, "The parameter type isn't supported.", field: "Type")

    public static let typeRequired = PortlessError(aws: .validation, "A parameter type is required when you create a parameter.", field: "Type")

    public static func patternMismatch(_ pattern: String) -> PortlessError {
        PortlessError(aws: .parameterPatternMismatch, "Parameter value, cannot be validated against allowedPattern: \(pattern)", field: "Value")
    }

    public static func invalidPattern(_ pattern: String) -> PortlessError {
        PortlessError(.invalidAllowedPattern, "The allowed pattern \(pattern) is not a valid regular expression.", field: "AllowedPattern")
    }

    public static let standardTooLarge = PortlessError(aws: .validation,
                                                      "Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html",
                                                      field: "Value")

    public static let noDowngrade = PortlessError(aws: .validation,
                                                  "This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you can delete the advanced parameter and recreate it as a standard parameter.",
                                                  field: "Tier")

    public static let policiesNeedAdvanced = PortlessError(aws: .incompatiblePolicy,
                                                           "There is a conflict in the policies specified for this parameter. You can't, for example, specify two Expiration policies for a parameter. Review your policies, and try again.",
                                                           field: "Policies")

    public static func dataType(_ value: String) -> PortlessError {
        PortlessError(aws: .validation, "The following data type is not supported: \(value) (Data type names are all lowercase.)", field: "DataType")
    }

    public static let keyIdOnlyForSecureString = PortlessError(aws: .validation, "KeyId is required for SecureString type parameter only.", field: "KeyId")

    public static func invalidKeyId(_ keyId: String) -> PortlessError {
        PortlessError(.invalidKeyId, "The KMS key \(keyId) does not exist or cannot be used.", field: "KeyId")
    }

    public static let filtersAndParameterFilters = PortlessError(aws: .validation, "You can use either Filters or ParameterFilters in a single request.",
                                                                 field: "ParameterFilters")

    public static func filterKey(_ key: String, valid: [String]) -> PortlessError {
        PortlessError(aws: .invalidFilterKey, "The following filter key is not valid: \(key). Valid filter keys include: [\(valid.joined(separator: ", "))].",
                      field: "ParameterFilters")
    }

    public static func duplicateFilter(_ key: String) -> PortlessError {
        PortlessError(aws: .invalidFilterKey,
                      "The following filter is duplicated in the request: \(key). A request can contain only one occurrence of a specific filter.",
                      field: "ParameterFilters")
    }

    public static func filterOption(_ option: String, valid: [String]) -> PortlessError {
        PortlessError(aws: .invalidFilterOption, "The following filter option is not valid: \(option). Valid options include: [\(valid.joined(separator: ", "))].",
                      field: "ParameterFilters")
    }

    public static func filterValue(_ value: String, valid: [String]) -> PortlessError {
        PortlessError(aws: .invalidFilterValue, "The following filter value is not valid: \(value). Valid values include: [\(valid.joined(separator: ", "))].",
                      field: "ParameterFilters")
    }

    public static let pathFilterValue = PortlessError(aws: .invalidFilterValue,
                                                      #"The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash "/". It can't be prefixed with "aws" or "ssm" (case-insensitive). It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol "/". Valid example: /get/parameters2-/by1./path0_."#,
                                                      field: "ParameterFilters")

    /// `{{ssm:…}}` in a command naming a SecureString or a parameter that does not exist: SSM refuses SendCommand with
    /// `InvalidParameters` (with no message, as SDK logs of such calls show; Portless says which reference).
    public static func unresolvableReference(_ name: String) -> PortlessError {
        PortlessError(.invalidParameters, "The Parameter Store reference {{ssm:\(name)}} cannot be resolved: the parameter does not exist or is a SecureString, which commands cannot reference.",
                      field: "Parameters")
    }
}
