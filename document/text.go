package document

// readText is a stub until the text reader lands.
func readText(raw []byte, opt Options) (*extracted, error) {
	return &extracted{pages: []string{string(raw)}, engine: "text"}, nil
}
