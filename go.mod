module github.com/wlpmodel/wlp

go 1.24
